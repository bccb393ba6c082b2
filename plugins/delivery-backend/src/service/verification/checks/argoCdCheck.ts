import {
  ArgoCdVerificationConfig,
  DELIVERY_ARGOCD_APP_ANNOTATION,
  getArgoCdApplicationName,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  ArgoCdApplication,
  ArgoCdClient,
} from '@domain-delivery/backstage-plugin-delivery-node';
import {
  ProbeOutcome,
  REQUEST_TIMEOUT_MS,
  VerificationCheckKind,
  VerifiedDeployment,
} from './VerificationCheckKind';

function applicationName(
  config: ArgoCdVerificationConfig,
  deployment: VerifiedDeployment,
): string | undefined {
  return config.appName
    ? config.appName.replace(/\{environment\}/g, deployment.environment)
    : getArgoCdApplicationName(deployment.entity, deployment.environment);
}

// Synced at the deployment: at one of its revisions, or running an image
// tagged with its version (when Argo CD follows image tags).
function isAtDeployment(
  application: ArgoCdApplication,
  deployment: VerifiedDeployment,
): boolean {
  const sync = application.status?.sync;
  const revisions = [
    ...(sync?.revision ? [sync.revision] : []),
    ...(sync?.revisions ?? []),
  ];
  const images = application.status?.summary?.images ?? [];
  return (
    revisions.some(revision => deployment.revisions.includes(revision)) ||
    images.some(image => image.endsWith(`:${deployment.version}`))
  );
}

/**
 * The Argo CD check: the entity's application for the environment is
 * Synced at the deployed revision and Healthy, read through
 * `GET /api/v1/applications/{name}`.
 */
export const argoCdCheck: VerificationCheckKind<ArgoCdVerificationConfig> = {
  kind: 'argocd',
  target: (config, deployment) =>
    applicationName(config, deployment) ??
    `(no ${DELIVERY_ARGOCD_APP_ANNOTATION} annotation)`,

  async probe(config, deployment): Promise<ProbeOutcome> {
    const name = applicationName(config, deployment);
    if (!name) {
      return {
        outcome: 'failed',
        reason: `${deployment.entityRef} has no ${DELIVERY_ARGOCD_APP_ANNOTATION} annotation and the check names no appName`,
      };
    }
    let application: ArgoCdApplication;
    try {
      application = await new ArgoCdClient(config, {
        timeoutMs: REQUEST_TIMEOUT_MS,
      }).getApplication(name);
    } catch (error) {
      // Argo CD may be restarting, or the application not created yet.
      return { outcome: 'waiting', reason: (error as Error).message };
    }
    const sync = application.status?.sync?.status ?? 'Unknown';
    const health = application.status?.health?.status ?? 'Unknown';
    const atDeployment = isAtDeployment(application, deployment);
    const progress = `${sync}, ${health}`;
    if (sync === 'Synced' && atDeployment && health === 'Healthy') {
      return { outcome: 'passed', progress };
    }
    const problems = [
      ...(sync !== 'Synced' ? [`is ${sync}`] : []),
      ...(!atDeployment
        ? [
            `is not at ${deployment.version} (revision ${
              application.status?.sync?.revision ?? 'unknown'
            })`,
          ]
        : []),
      ...(health !== 'Healthy'
        ? [
            `is ${health}${
              application.status?.health?.message
                ? ` (${application.status.health.message})`
                : ''
            }`,
          ]
        : []),
    ];
    return {
      outcome: 'waiting',
      reason: `${name} ${problems.join(', ')}`,
      progress,
    };
  },
};
