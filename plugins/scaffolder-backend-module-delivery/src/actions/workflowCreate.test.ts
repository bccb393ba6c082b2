import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import yaml from 'yaml';
import { createWorkflowCreateAction } from './workflowCreate';
import { mockActionContext } from '../__testUtils__/actionContext';

describe('delivery:workflow:create', () => {
  const workspace = createMockDirectory();
  const config = new ConfigReader({
    backend: { baseUrl: 'https://portal.example.com' },
    delivery: {
      environments: [
        { name: 'dev' },
        { name: 'qa' },
        { name: 'prod', production: true },
      ],
    },
  });
  const action = createWorkflowCreateAction({ config });

  beforeEach(() => workspace.clear());

  it("writes the service's workflow for the configured environments, reporting to this portal", async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: {
        service: 'ticket-api',
        domain: 'journey',
        targetPath: 'service',
      },
    });
    await action.handler(ctx);

    const workflow = yaml.parse(
      workspace.content({ path: 'service/.github/workflows' })![
        'ticket-api.yaml'
      ] as string,
    );
    expect(Object.keys(workflow.jobs)).toEqual(
      expect.arrayContaining(['deploy-dev', 'promote-qa', 'request-prod']),
    );
    expect(workflow.jobs['deploy-dev'].env).toMatchObject({
      DELIVERY_API_URL: 'https://portal.example.com/api/delivery',
      ENTITY_REF: 'component:default/ticket-api',
      SERVICE_URL: 'https://ticket-api.dev.apps.example.com',
    });
    expect(workflow.name).toBe('ticket-api (journey)');
    expect(ctx.output).toHaveBeenCalledWith(
      'workflowPath',
      'service/.github/workflows/ticket-api.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith('environments', [
      'dev',
      'qa',
      'prod',
    ]);
  });

  it('writes the same workflow in a dry run, where it only touches the workspace', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      isDryRun: true,
      input: {
        service: 'ticket-api',
        domain: 'domain:default/journey',
        environments: ['prod', 'dev'],
      },
    });
    await action.handler(ctx);
    const workflow = yaml.parse(
      workspace.content({ path: '.github/workflows' })![
        'ticket-api.yaml'
      ] as string,
    );
    // Promotion order comes from the configuration, not from the input's order.
    expect(workflow.jobs['request-prod'].needs).toEqual([
      'image',
      'deploy-dev',
    ]);
  });

  it('refuses an environment that is not configured', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: {
        service: 'ticket-api',
        domain: 'journey',
        environments: ['staging'],
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Unknown environment(s) staging; configured are dev, qa, prod',
    );
  });

  it('needs to know where the portal is', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { service: 'ticket-api', domain: 'journey' },
    });
    await expect(
      createWorkflowCreateAction({ config: new ConfigReader({}) }).handler(ctx),
    ).rejects.toThrow(
      'No deliveryApiUrl given and no backend.baseUrl configured',
    );
  });

  it('never writes outside the workspace', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: {
        service: 'ticket-api',
        domain: 'journey',
        targetPath: '../elsewhere',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(/outside/);
  });
});
