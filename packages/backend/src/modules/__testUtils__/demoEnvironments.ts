// app-config.yaml's delivery.environments. Stated here so that a freeze window
// added to the demo's configuration cannot make the tests depend on the day they run.
export const demoEnvironments = [
  { name: 'dev', title: 'Development', executor: { type: 'gitops-local' } },
  {
    name: 'staging',
    title: 'Staging',
    promotion: { from: 'dev' },
    executor: { type: 'gitops-local' },
  },
  {
    name: 'prod',
    title: 'Production',
    production: true,
    promotion: {
      from: 'staging',
      requiredApprovals: 1,
      approvers: ['group:default/platform-admins'],
      allowSelfApproval: false,
      minimumSoakTime: '1h',
    },
    executor: { type: 'gitops-local' },
  },
];
