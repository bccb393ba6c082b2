import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:helm:values`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Write the chart of a new service and its values for every configured environment',
    example: yaml.stringify({
      steps: [
        {
          id: 'helm',
          action: 'delivery:helm:values',
          name: 'Write the Helm chart and values',
          input: {
            service: 'parking-api',
            domain: 'domain:default/smart-city',
            owner: 'group:default/team-smart-city',
            image: 'ghcr.io/domain-delivery-demo/parking-api',
            ingressDomain: 'smart-city.example.com',
          },
        },
      ],
    }),
  },
  {
    description:
      'Add the values of one environment to a service that already has its chart',
    example: yaml.stringify({
      steps: [
        {
          id: 'helm',
          action: 'delivery:helm:values',
          name: 'Write the staging values',
          input: {
            service: 'fare-calculator',
            domain: 'journey',
            onlyEnvironments: ['staging'],
            chart: false,
            gitopsPath: 'apps/journey/fare-calculator',
            secretStore: { kind: 'SecretStore', name: 'journey-secrets' },
          },
        },
      ],
    }),
  },
];
