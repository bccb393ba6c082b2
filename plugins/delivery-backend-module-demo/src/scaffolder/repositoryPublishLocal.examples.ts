import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:repository:publish-local`, executed by its tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "Publish the new service's folder of the workspace as a local repository (the demo's stand-in for GitHub)",
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'delivery:repository:publish-local',
          name: 'Publish the repository',
          input: {
            name: 'parking-api',
            sourcePath: 'service',
          },
        },
      ],
    }),
  },
];
