import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:argocd:applications`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "Write a new service's applications, its domain's AppProject and app of apps",
    example: yaml.stringify({
      steps: [
        {
          id: 'argocd',
          action: 'delivery:argocd:applications',
          name: 'Write the Argo CD applications',
          input: {
            service: 'parking-api',
            domain: 'domain:default/smart-city',
            owner: 'group:default/team-smart-city',
            image: 'ghcr.io/domain-delivery-demo/parking-api',
            repoUrl: 'https://github.com/domain-delivery-demo/gitops.git',
          },
        },
      ],
    }),
  },
  {
    description:
      "Add one environment's application to an existing service, leaving the domain's files alone",
    example: yaml.stringify({
      steps: [
        {
          id: 'argocd',
          action: 'delivery:argocd:applications',
          name: 'Write the staging application',
          input: {
            service: 'fare-calculator',
            domain: 'journey',
            onlyEnvironments: ['staging'],
            domainResources: false,
            repoUrl: 'https://github.com/domain-delivery-demo/gitops.git',
          },
        },
      ],
    }),
  },
];
