import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The step every example runs, with its own input. */
const step = {
  id: 'workflow',
  action: 'delivery:workflow:create',
  name: 'Create the delivery workflow',
};

/** Examples of `delivery:workflow:create`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Create the delivery workflow of a TypeScript service in the repository root, for every configured environment',
    example: yaml.stringify({
      steps: [
        {
          ...step,
          input: {
            service: 'parking-api',
            domain: 'domain:default/smart-city',
            language: 'typescript',
            targetPath: 'service',
            image: 'ghcr.io/domain-delivery-demo/parking-api',
            ingressDomain: 'smart-city.example.com',
            deliveryApiUrl: 'https://portal.example.com/api/delivery',
          },
        },
      ],
    }),
  },
  {
    description:
      'Create the workflow of a Python service kept in a folder of a domain repository, delivered to dev and prod only',
    example: yaml.stringify({
      steps: [
        {
          ...step,
          input: {
            service: 'fare-calculator',
            domain: 'journey',
            entityRef: 'component:default/fare-calculator',
            language: 'python',
            servicePath: 'services/fare-calculator',
            environments: ['dev', 'prod'],
          },
        },
      ],
    }),
  },
];
