import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import yaml from 'yaml';
import { createArgoCdApplicationsAction } from './argocdApplications';
import { mockActionContext } from '../__testUtils__/actionContext';

describe('delivery:argocd:applications', () => {
  const workspace = createMockDirectory();
  const config = new ConfigReader({
    delivery: {
      gitops: { repoUrl: 'https://git.example.com/platform/gitops.git' },
    },
  });
  const action = createArgoCdApplicationsAction({ config });

  beforeEach(() => workspace.clear());

  it("writes the service's applications against the configured GitOps repository", async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: {
        service: 'ticket-api',
        domain: 'journey',
        environments: ['dev', 'prod'],
      },
    });
    await action.handler(ctx);

    const apps = workspace.content({ path: 'gitops/argocd/journey/apps' })!;
    expect(Object.keys(apps).sort()).toEqual([
      'project.yaml',
      'ticket-api-dev.yaml',
      'ticket-api-prod.yaml',
    ]);
    const prod = yaml.parse(apps['ticket-api-prod.yaml'] as string);
    expect(prod.spec.source.repoURL).toBe(
      'https://git.example.com/platform/gitops.git',
    );
    // Without an image there is nothing for the image updater to follow.
    expect(
      yaml.parse(apps['ticket-api-dev.yaml'] as string).metadata.annotations,
    ).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('applications', [
      'ticket-api-dev',
      'ticket-api-prod',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'argocdApp',
      'ticket-api-{environment}',
    );
  });

  it('names the applications after a given template and writes them in a dry run too', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      isDryRun: true,
      input: {
        service: 'ticket-api',
        domain: 'journey',
        applicationName: 'journey-ticket-api-{environment}',
        onlyEnvironments: ['staging'],
        domainResources: false,
      },
    });
    await action.handler(ctx);
    expect(workspace.content()).toEqual({
      gitops: {
        argocd: {
          journey: {
            apps: { 'journey-ticket-api-staging.yaml': expect.any(String) },
          },
        },
      },
    });
  });

  it('needs the GitOps repository URL', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { service: 'ticket-api', domain: 'journey' },
    });
    await expect(
      createArgoCdApplicationsAction({ config: new ConfigReader({}) }).handler(
        ctx,
      ),
    ).rejects.toThrow(
      'No repoUrl given and no delivery.gitops.repoUrl configured',
    );
  });
});
