import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:catalog:domain-services`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "List the smart-city domain's services, then write a values file for each",
    example: yaml.stringify({
      steps: [
        {
          id: 'services',
          action: 'delivery:catalog:domain-services',
          name: "Find the domain's services",
          input: { domain: 'domain:default/smart-city' },
        },
        {
          id: 'values',
          each: '${{ steps.services.output.services }}',
          action: 'delivery:helm:values',
          name: 'Write the qa values of ${{ each.value.name }}',
          input: {
            service: '${{ each.value.service }}',
            domain: 'domain:default/smart-city',
            gitopsPath: '${{ each.value.gitopsPath }}',
            onlyEnvironments: ['qa'],
            chart: false,
          },
        },
      ],
    }),
  },
];
