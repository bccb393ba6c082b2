import { InputError } from '@backstage/errors';
import {
  GithubCredentialsProvider,
  GithubIntegration,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';

/**
 * A REST client for a repository: with the user's token when the template
 * passes one, otherwise with the `integrations.github` credentials (token or
 * GitHub App) for that repository.
 */
export async function createGitHubClient(options: {
  integration: GithubIntegration;
  credentialsProvider: GithubCredentialsProvider;
  repository: { owner: string; repo: string };
  token?: string;
}): Promise<Octokit> {
  const { integration, repository } = options;
  const host = integration.config.host;
  const token =
    options.token ??
    (
      await options.credentialsProvider.getCredentials({
        url: `https://${host}/${encodeURIComponent(
          repository.owner,
        )}/${encodeURIComponent(repository.repo)}`,
      })
    ).token;
  if (!token) {
    throw new InputError(
      `No credentials for ${host}/${repository.owner}/${repository.repo}; configure integrations.github`,
    );
  }
  return new Octokit({ auth: token, baseUrl: integration.config.apiBaseUrl });
}
