import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The step every example runs, with its own input. */
const step = {
  id: 'annotate',
  action: 'delivery:catalog:annotate',
  name: 'Wire the entity to Domain Delivery',
};

/** Examples of `delivery:catalog:annotate`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Create the catalog entity of a new domain service, wired to Domain Delivery',
    example: yaml.stringify({
      steps: [
        {
          ...step,
          input: {
            service: 'parking-api',
            gitopsPath: 'apps/smart-city/parking-api',
            argocdApp: 'parking-api-{environment}',
            component: {
              name: 'parking-api',
              owner: 'group:default/team-smart-city',
              system: 'urban-mobility',
              description: 'Finds and books parking spaces',
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Annotate an existing entity file, limited to two environments',
    example: yaml.stringify({
      steps: [
        {
          ...step,
          input: {
            service: 'fare-calculator',
            filePath: 'service/catalog-info.yaml',
            environments: ['dev', 'prod'],
          },
        },
      ],
    }),
  },
];
