import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { argoCdModelErrors } from '../__testUtils__/specValidation';
import { createArgoCdApplicationsAction } from './argocdApplications';
import { examples } from './argocdApplications.examples';

describe('delivery:argocd:applications examples', () => {
  const workspace = createMockDirectory();
  const action = createArgoCdApplicationsAction({
    config: new ConfigReader({}),
  });

  beforeEach(() => workspace.clear());

  function manifests(): Array<{ name: string; document: unknown }> {
    const flat: Array<{ name: string; document: unknown }> = [];
    const walk = (node: any, prefix: string) => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') {
          flat.push({ name: `${prefix}${key}`, document: yaml.parse(value) });
        } else {
          walk(value, `${prefix}${key}/`);
        }
      }
    };
    walk(workspace.content()!, '');
    return flat;
  }

  for (const [index, example] of examples.entries()) {
    it(`writes valid Argo CD manifests: ${example.description}`, async () => {
      const step = yaml.parse(example.example).steps[0];
      await action.handler(
        createMockActionContext({
          workspacePath: workspace.path,
          input: step.input,
        }) as any,
      );
      const written = manifests();
      expect(written.map(manifest => manifest.name).sort()).toEqual(
        index === 0
          ? [
              'gitops/argocd/smart-city/app-of-apps.yaml',
              'gitops/argocd/smart-city/apps/parking-api-dev.yaml',
              'gitops/argocd/smart-city/apps/parking-api-prod.yaml',
              'gitops/argocd/smart-city/apps/parking-api-staging.yaml',
              'gitops/argocd/smart-city/apps/project.yaml',
            ]
          : ['gitops/argocd/journey/apps/fare-calculator-staging.yaml'],
      );
      const errors = argoCdModelErrors(written);
      expect(Object.values(errors).flat()).toEqual([]);
    });
  }
});
