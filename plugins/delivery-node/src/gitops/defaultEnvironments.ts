import { Environment } from '@internal/backstage-plugin-delivery-common';

/**
 * The executor of an environment that names none: `gitops-local`, which
 * needs nothing but a local git repository.
 *
 * @public
 */
export const DEFAULT_EXECUTOR_TYPE = 'gitops-local';

/**
 * The environments when `delivery.environments` is not configured: dev,
 * staging and prod, promoted in that order through the local GitOps
 * repository, production after one approval by the owner.
 *
 * @public
 */
export function defaultDeliveryEnvironments(): Environment[] {
  return [
    {
      name: 'dev',
      title: 'Development',
      production: false,
      promotion: {
        requiredApprovals: 0,
        approvers: ['owner'],
        allowSelfApproval: false,
        minimumSoakSeconds: 0,
      },
      freezeWindows: [],
      executor: { type: DEFAULT_EXECUTOR_TYPE },
    },
    {
      name: 'staging',
      title: 'Staging',
      production: false,
      promotion: {
        promotedFrom: 'dev',
        requiredApprovals: 0,
        approvers: ['owner'],
        allowSelfApproval: false,
        minimumSoakSeconds: 0,
      },
      freezeWindows: [],
      executor: { type: DEFAULT_EXECUTOR_TYPE },
    },
    {
      name: 'prod',
      title: 'Production',
      production: true,
      promotion: {
        promotedFrom: 'staging',
        requiredApprovals: 1,
        approvers: ['owner'],
        allowSelfApproval: false,
        minimumSoakSeconds: 0,
      },
      freezeWindows: [],
      executor: { type: DEFAULT_EXECUTOR_TYPE },
    },
  ];
}
