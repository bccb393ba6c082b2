import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:gitops:publish`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "Commit the workspace's gitops folder to the demo's local GitOps repository",
    example: yaml.stringify({
      steps: [
        {
          id: 'gitops',
          action: 'delivery:gitops:publish',
          name: 'Publish the GitOps change',
          input: {
            target: 'local',
            service: 'parking-api',
            change: 'add the Helm chart and Argo CD applications',
          },
        },
      ],
    }),
  },
  {
    description:
      'Open a pull request with the change on the GitOps repository on GitHub and merge it',
    example: yaml.stringify({
      steps: [
        {
          id: 'gitops',
          action: 'delivery:gitops:publish',
          name: 'Propose the GitOps change',
          input: {
            target: 'github',
            repoUrl: 'github.com?owner=domain-delivery-demo&repo=gitops',
            service: 'parking-api',
            change: 'add the Helm chart and Argo CD applications',
            autoMerge: true,
          },
        },
      ],
    }),
  },
  {
    description:
      "Add an environment's files into a service's folder of the local GitOps repository, replacing the files it already has",
    example: yaml.stringify({
      steps: [
        {
          id: 'gitops',
          action: 'delivery:gitops:publish',
          name: 'Publish the qa environment',
          input: {
            target: 'local',
            service: 'parking-api',
            change: 'add the qa environment',
            sourcePath: 'gitops/apps/smart-city/parking-api',
            targetPath: 'apps/smart-city/parking-api',
            overwrite: true,
          },
        },
      ],
    }),
  },
];
