import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import yaml from 'yaml';
import { createCatalogAnnotateAction } from './catalogAnnotate';
import { examples } from './catalogAnnotate.examples';

describe('delivery:catalog:annotate examples', () => {
  const workspace = createMockDirectory();
  const action = createCatalogAnnotateAction();

  beforeEach(() => workspace.clear());

  it('creates a wired component from the first example', async () => {
    const step = yaml.parse(examples[0].example).steps[0];
    await action.handler(
      createMockActionContext({
        workspacePath: workspace.path,
        input: step.input,
      }) as any,
    );
    const entity = yaml.parse(
      workspace.content()!['catalog-info.yaml'] as string,
    );
    expect(entity.metadata.annotations).toEqual({
      'domain-delivery.io/service': 'parking-api',
      'domain-delivery.io/gitops-path': 'apps/smart-city/parking-api',
      'domain-delivery.io/argocd-app': 'parking-api-{environment}',
    });
    expect(entity.spec.system).toBe('urban-mobility');
  });

  it('annotates the existing file named by the second example', async () => {
    workspace.setContent({
      'service/catalog-info.yaml': yaml.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'fare-calculator' },
        spec: { type: 'service', owner: 'team-journey', lifecycle: 'beta' },
      }),
    });
    const step = yaml.parse(examples[1].example).steps[0];
    await action.handler(
      createMockActionContext({
        workspacePath: workspace.path,
        input: step.input,
      }) as any,
    );
    const entity = yaml.parse(
      await fs.readFile(workspace.resolve('service/catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations).toEqual({
      'domain-delivery.io/service': 'fare-calculator',
      'domain-delivery.io/environments': 'dev,prod',
    });
  });
});
