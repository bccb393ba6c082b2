import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import yaml from 'yaml';
import { createHelmValuesAction } from './helmValues';
import { mockActionContext } from '../__testUtils__/actionContext';

describe('delivery:helm:values', () => {
  const workspace = createMockDirectory();
  const action = createHelmValuesAction({ config: new ConfigReader({}) });

  beforeEach(() => workspace.clear());

  const input = {
    service: 'ticket-api',
    domain: 'domain:default/journey',
    image: 'ghcr.io/acme/ticket-api',
  };

  it("writes the chart and every environment's values into the GitOps folder", async () => {
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await action.handler(ctx);

    const chart = workspace.content({
      path: 'gitops/apps/journey/ticket-api',
    })!;
    expect(Object.keys(chart).sort()).toEqual([
      '.helmignore',
      'Chart.yaml',
      'templates',
      'values-dev.yaml',
      'values-prod.yaml',
      'values-staging.yaml',
      'values.schema.json',
      'values.yaml',
    ]);
    expect(yaml.parse(chart['values.yaml'] as string).image.repository).toBe(
      'ghcr.io/acme/ticket-api',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'gitopsPath',
      'apps/journey/ticket-api',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining([
        'gitops/apps/journey/ticket-api/Chart.yaml',
        'gitops/apps/journey/ticket-api/templates/deployment.yaml',
        'gitops/apps/journey/ticket-api/values-prod.yaml',
      ]),
    );
  });

  it('writes the same files in a dry run', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      isDryRun: true,
      input: { ...input, targetPath: 'out', environments: ['dev'] },
    });
    await action.handler(ctx);
    expect(
      Object.keys(workspace.content({ path: 'out/apps/journey/ticket-api' })!),
    ).toContain('values-dev.yaml');
  });

  it("adds one environment's values to a service's existing folder and leaves the rest alone", async () => {
    workspace.setContent({
      'gitops/apps/journey/ticket-api/values.yaml': '# tuned by the team\n',
    });
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: {
        ...input,
        gitopsPath: 'apps/journey/ticket-api',
        onlyEnvironments: ['prod'],
        chart: false,
      },
    });
    await action.handler(ctx);
    expect(
      workspace.content({ path: 'gitops/apps/journey/ticket-api' }),
    ).toEqual({
      'values.yaml': '# tuned by the team\n',
      'values-prod.yaml': expect.stringContaining('minReplicas: 3'),
    });
  });

  it('needs the image to write a chart', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { service: 'ticket-api', domain: 'journey' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'The chart needs the image repository: pass image',
    );
  });

  it('never writes outside the workspace', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...input, targetPath: '..' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(/outside/);
  });

  it('refuses environments the delivery backend would refuse, with its message', async () => {
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await expect(
      createHelmValuesAction({
        config: new ConfigReader({ delivery: { environments: [] } }),
      }).handler(ctx),
    ).rejects.toThrow(
      'delivery.environments is empty; list at least one environment',
    );
  });
});
