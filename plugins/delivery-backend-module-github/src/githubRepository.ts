import type { Repository } from '@octokit/webhooks-types';
import type { GitHubRepositoryRef } from '@domain-delivery/backstage-plugin-delivery-node';

/** A repository as a webhook names it: its host, owner and name. */
export interface WebhookRepository extends GitHubRepositoryRef {
  /** `owner/repo`, as the `github.com/project-slug` annotation writes it. */
  slug: string;
  /** The repository's page, e.g. `https://github.com/acme/payments-api`. */
  url: string;
}

/** The repository a webhook delivery comes from. */
export function webhookRepository(repository: Repository): WebhookRepository {
  // GitHub Enterprise Server sends its own host in the repository's page.
  const url = new URL(repository.html_url);
  return {
    host: url.host,
    owner: repository.owner.login,
    repo: repository.name,
    slug: repository.full_name,
    url: repository.html_url,
  };
}
