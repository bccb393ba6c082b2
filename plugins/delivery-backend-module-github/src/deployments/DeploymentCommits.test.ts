import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GitHubClientFactory } from '@domain-delivery/backstage-plugin-delivery-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  commitOnGitHub,
  comparison,
  DESCRIBED,
  listedDeployment,
  listedStatus,
  REPOSITORY_API,
} from '../__testUtils__/githubApi';
import { DeploymentCommits } from './DeploymentCommits';

const sha = (digit: number) => String(digit).repeat(40);

describe('DeploymentCommits', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const commits = new DeploymentCommits(
    new GitHubClientFactory({
      integrations: ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] },
        }),
      ),
    }),
  );
  const deployment = {
    repository: {
      host: 'github.com',
      owner: 'Codertocat',
      repo: 'Hello-World',
      slug: 'Codertocat/Hello-World',
      url: 'https://github.com/Codertocat/Hello-World',
    },
    id: 300,
    environment: 'production',
    sha: sha(3),
  };

  it('gives the deployed commit alone for the first deployment of the environment', async () => {
    server.use(
      http.get(`${REPOSITORY_API}/deployments`, () =>
        HttpResponse.json([listedDeployment(300, sha(3), 'production')]),
      ),
      http.get(`${REPOSITORY_API}/commits/${sha(3)}`, () =>
        HttpResponse.json(commitOnGitHub(sha(3), '2026-12-01T10:00:00Z')),
      ),
    );
    await expect(commits.of(deployment)).resolves.toEqual([
      { sha: sha(3), committedAt: '2026-12-01T10:00:00Z', ...DESCRIBED },
    ]);
  });

  it('counts from the last deployment that went out, not from one that failed', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${REPOSITORY_API}/deployments`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('environment')!);
        return HttpResponse.json([
          listedDeployment(300, sha(3), 'production'),
          listedDeployment(200, sha(2), 'production'),
          listedDeployment(100, sha(1), 'production'),
        ]);
      }),
      http.get(`${REPOSITORY_API}/deployments/200/statuses`, () =>
        HttpResponse.json([listedStatus('failure', 'production')]),
      ),
      http.get(`${REPOSITORY_API}/deployments/100/statuses`, () =>
        HttpResponse.json([listedStatus('success', 'production')]),
      ),
      http.get(`${REPOSITORY_API}/compare/${sha(1)}...${sha(3)}`, () =>
        HttpResponse.json(
          comparison([
            commitOnGitHub(sha(2), '2026-12-01T09:00:00Z'),
            commitOnGitHub(sha(3), '2026-12-01T10:00:00Z'),
          ]),
        ),
      ),
    );
    await expect(commits.of(deployment)).resolves.toEqual([
      { sha: sha(2), committedAt: '2026-12-01T09:00:00Z', ...DESCRIBED },
      { sha: sha(3), committedAt: '2026-12-01T10:00:00Z', ...DESCRIBED },
    ]);
    expect(asked).toEqual(['production']);
  });

  it('reads every page of a long comparison', async () => {
    const brought = Array.from({ length: 130 }, (_, index) =>
      commitOnGitHub(
        index.toString(16).padStart(40, 'a'),
        new Date(Date.UTC(2026, 11, 1, 0, index)).toISOString(),
      ),
    );
    server.use(
      http.get(`${REPOSITORY_API}/deployments`, () =>
        HttpResponse.json([
          listedDeployment(300, sha(3), 'production'),
          listedDeployment(100, sha(1), 'production'),
        ]),
      ),
      http.get(`${REPOSITORY_API}/deployments/100/statuses`, () =>
        HttpResponse.json([listedStatus('inactive', 'production')]),
      ),
      http.get(`${REPOSITORY_API}/compare/:basehead`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json({
          ...comparison(brought),
          commits: brought.slice((page - 1) * 100, page * 100),
        });
      }),
    );
    const found = await commits.of(deployment);
    expect(found).toHaveLength(130);
    expect(found[129].sha).toBe(brought[129].sha);
  });
});
