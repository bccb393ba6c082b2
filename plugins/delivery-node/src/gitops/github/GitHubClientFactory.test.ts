import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { generateKeyPairSync } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GitHubClientFactory } from './GitHubClientFactory';

const API = 'https://api.github.com';
const REPOSITORY = { host: 'github.com', owner: 'acme', repo: 'gitops' };

// Shaped like GitHub's "get a repository" answer (fields trimmed).
const repositoryBody = {
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: 'gitops',
  full_name: 'acme/gitops',
  private: true,
  default_branch: 'main',
  html_url: 'https://github.com/acme/gitops',
};

function factory(github: object, options: { requestTimeoutMs?: number } = {}) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({ integrations: { github: [github] } }),
  );
  return new GitHubClientFactory({
    integrations,
    writeIntervalMs: 0,
    ...options,
  });
}

describe('GitHubClientFactory', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("authenticates with the integration's token", async () => {
    const seen: Array<string | null> = [];
    server.use(
      http.get(`${API}/repos/acme/gitops`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json(repositoryBody);
      }),
    );
    const octokit = await factory({
      host: 'github.com',
      token: 'ghp_integration',
    }).forRepository(REPOSITORY);

    const { data } = await octokit.repos.get({ owner: 'acme', repo: 'gitops' });

    expect(data.default_branch).toBe('main');
    expect(seen).toEqual(['token ghp_integration']);
  });

  it("authenticates as the integration's GitHub App installation", async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const seen: Array<string | null> = [];
    server.use(
      http.get(`${API}/app/installations`, () =>
        HttpResponse.json([
          {
            id: 42,
            account: { login: 'acme', id: 1, type: 'Organization' },
            repository_selection: 'all',
            app_id: 7,
            target_type: 'Organization',
            permissions: { contents: 'write', pull_requests: 'write' },
            suspended_at: null,
          },
        ]),
      ),
      http.post(`${API}/app/installations/42/access_tokens`, () =>
        HttpResponse.json(
          {
            token: 'ghs_installation',
            expires_at: new Date(Date.now() + 3600_000).toISOString(),
            permissions: { contents: 'write', pull_requests: 'write' },
            repository_selection: 'all',
          },
          { status: 201 },
        ),
      ),
      http.get(`${API}/repos/acme/gitops`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json(repositoryBody);
      }),
    );
    const octokit = await factory({
      host: 'github.com',
      apps: [
        {
          appId: 7,
          privateKey,
          webhookSecret: 'secret',
          clientId: 'Iv1.client',
          clientSecret: 'client-secret',
        },
      ],
    }).forRepository(REPOSITORY);

    await octokit.repos.get({ owner: 'acme', repo: 'gitops' });

    expect(seen).toEqual(['token ghs_installation']);
  });

  it('tries a request again when GitHub fails for a moment', async () => {
    let attempts = 0;
    server.use(
      http.get(`${API}/repos/acme/gitops`, () => {
        attempts++;
        return attempts === 1
          ? HttpResponse.json({ message: 'Server Error' }, { status: 502 })
          : HttpResponse.json(repositoryBody);
      }),
    );
    const octokit = await factory({
      host: 'github.com',
      token: 'ghp_integration',
    }).forRepository(REPOSITORY);

    const { data } = await octokit.repos.get({ owner: 'acme', repo: 'gitops' });

    expect(data.full_name).toBe('acme/gitops');
    expect(attempts).toBe(2);
  });

  it('gives up on a request that takes longer than the timeout', async () => {
    let aborted = false;
    server.use(
      http.get(`${API}/repos/acme/gitops`, async ({ request }) => {
        await new Promise(resolve => {
          request.signal.addEventListener('abort', resolve);
          setTimeout(resolve, 2_000);
        });
        aborted = request.signal.aborted;
        return HttpResponse.json(repositoryBody);
      }),
    );
    const octokit = await factory(
      { host: 'github.com', token: 'ghp_integration' },
      { requestTimeoutMs: 100 },
    ).forRepository(REPOSITORY);

    const started = Date.now();
    const outcome = await octokit.repos
      .get({ owner: 'acme', repo: 'gitops' })
      .catch(error => error);

    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(outcome.message).toBe(
      'GitHub did not answer GET /repos/{owner}/{repo} within 100 ms',
    );
  });

  it('names a host without an integration', async () => {
    await expect(
      factory({ host: 'github.com', token: 't' }).forRepository({
        ...REPOSITORY,
        host: 'ghe.example.com',
      }),
    ).rejects.toThrow('No integrations.github entry for ghe.example.com');
  });
});
