import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:catalog:refresh`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "Have the catalog read the demo's local repositories now, so the new service appears at once",
    example: yaml.stringify({
      steps: [
        {
          id: 'refresh',
          action: 'delivery:catalog:refresh',
          name: 'Refresh the local repositories location',
          input: {
            entityRef: 'location:default/delivery-local-repositories',
          },
        },
      ],
    }),
  },
];
