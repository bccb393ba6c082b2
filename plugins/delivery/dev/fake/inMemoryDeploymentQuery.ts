import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentQuery } from '../../src/api';
import { deploymentTime } from '../../src/components/deployments/deploymentOrder';

/** A component as the fake catalog knows it: its domain and owner. */
export interface ScopedComponent {
  entityRef: string;
  domain: string;
  owner?: string;
}

/**
 * Whether a deployment matches every filter of a `getDeployments` query, as
 * the backend decides it: a domain's or owner's deployments are those of its
 * components.
 */
export function deploymentQueryFilter(
  query: DeploymentQuery,
  components: ScopedComponent[],
): (deployment: Deployment) => boolean {
  const named = (values?: string | string[]) =>
    values === undefined ? undefined : new Set(([] as string[]).concat(values));
  const entityRefs = named(query.entityRef);
  const statuses = named(query.status);
  const inScope = (key: 'domain' | 'owner') => {
    const scope = query[key];
    return scope === undefined
      ? undefined
      : new Set(components.filter(c => c[key] === scope).map(c => c.entityRef));
  };
  const inDomain = inScope('domain');
  const owned = inScope('owner');
  const since = query.since ? new Date(query.since).getTime() : undefined;

  return deployment =>
    (!entityRefs || entityRefs.has(deployment.entityRef)) &&
    (!inDomain || inDomain.has(deployment.entityRef)) &&
    (!owned || owned.has(deployment.entityRef)) &&
    (!query.environment || deployment.environment === query.environment) &&
    (!statuses || statuses.has(deployment.status)) &&
    (since === undefined ||
      new Date(deploymentTime(deployment)).getTime() >= since);
}
