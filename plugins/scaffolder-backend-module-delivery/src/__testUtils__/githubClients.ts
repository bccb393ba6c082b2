import { ScmIntegrationRegistry } from '@backstage/integration';
import { GitHubClientFactory } from '@domain-delivery/backstage-plugin-delivery-node';

/** GitHub clients that do not pause between writes, for the msw stand-in. */
export function unpacedGitHubClients(
  integrations: ScmIntegrationRegistry,
): GitHubClientFactory {
  return new GitHubClientFactory({ integrations, writeIntervalMs: 0 });
}
