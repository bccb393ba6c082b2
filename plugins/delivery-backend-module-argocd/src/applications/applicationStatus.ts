import {
  ArgoCdApplication,
  EntityApplicationStatus,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { ApplicationContext } from './applicationDeployment';

/** How the application stands now: Argo CD's sync status and health, as read. */
export function applicationStatus(
  application: ArgoCdApplication,
  context: Pick<ApplicationContext, 'entityRef' | 'environment' | 'url'>,
  observedAt: Date,
): EntityApplicationStatus {
  const { sync, health } = application.status ?? {};
  return {
    entityRef: context.entityRef,
    environment: context.environment,
    source: 'argocd',
    name: application.metadata.name,
    syncStatus: sync?.status ?? 'Unknown',
    healthStatus: health?.status ?? 'Unknown',
    ...(health?.message && { healthMessage: health.message }),
    ...(sync?.revision && { revision: sync.revision }),
    url: context.url,
    observedAt: observedAt.toISOString(),
  };
}
