import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { mockActionContext } from '../__testUtils__/actionContext';
import { createCatalogAnnotateAction } from './catalogAnnotate';

describe('delivery:catalog:annotate', () => {
  const workspace = createMockDirectory();
  const action = createCatalogAnnotateAction();

  beforeEach(() => workspace.clear());

  it('adds the delivery annotations to an existing entity and keeps its comments', async () => {
    workspace.setContent({
      'catalog-info.yaml': [
        '# owned by the smart-city team',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: parking-api',
        '  annotations:',
        '    github.com/project-slug: acme/parking-api',
        'spec:',
        '  type: service',
        '  owner: team-smart-city',
        '  lifecycle: production',
        '',
      ].join('\n'),
    });
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        service: 'parking-api',
        gitopsPath: 'apps/smart-city/parking-api',
        environments: ['dev', 'prod'],
      },
    });

    await action.handler(ctx as any);

    const written = workspace.content()!['catalog-info.yaml'] as string;
    expect(written).toContain('# owned by the smart-city team');
    expect(yaml.parse(written).metadata.annotations).toEqual({
      'github.com/project-slug': 'acme/parking-api',
      'domain-delivery.io/service': 'parking-api',
      'domain-delivery.io/gitops-path': 'apps/smart-city/parking-api',
      'domain-delivery.io/environments': 'dev,prod',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/parking-api',
    );
  });

  it('creates the component when the workspace has no entity yet', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        service: 'ticket-api',
        component: {
          name: 'ticket-api',
          owner: 'group:default/team-journey',
          system: 'trip-planning',
        },
      },
    });

    await action.handler(ctx as any);

    const entity = yaml.parse(
      workspace.content()!['catalog-info.yaml'] as string,
    );
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'ticket-api',
        annotations: { 'domain-delivery.io/service': 'ticket-api' },
      },
      spec: {
        owner: 'group:default/team-journey',
        system: 'trip-planning',
        type: 'service',
      },
    });
  });

  it("writes the entity into the dry run's workspace as well, so the preview shows it", async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      isDryRun: true,
      input: {
        service: 'ticket-api',
        filePath: 'service/catalog-info.yaml',
        component: { name: 'ticket-api', owner: 'group:default/team-journey' },
      },
    });

    await action.handler(ctx);

    const entity = yaml.parse(
      workspace.content({ path: 'service' })!['catalog-info.yaml'] as string,
    );
    expect(entity.metadata.annotations).toEqual({
      'domain-delivery.io/service': 'ticket-api',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/ticket-api',
    );
  });

  it('refuses a missing entity file without a component to create', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: { service: 'ticket-api' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /catalog-info.yaml does not exist/,
    );
  });

  it('never writes outside the workspace', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: { service: 'ticket-api', filePath: '../escape.yaml' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /outside its parent/,
    );
  });
});
