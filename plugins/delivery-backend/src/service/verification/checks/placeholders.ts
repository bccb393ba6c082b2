import { VerifiedDeployment } from './VerificationCheckKind';

/**
 * Replaces `{entity}` (the entity's name), `{environment}` and `{version}`;
 * with `encode`, each value is encoded as a URL component.
 */
export function fillPlaceholders(
  template: string,
  deployment: VerifiedDeployment,
  options: { encode?: boolean } = {},
): string {
  const values: Record<string, string> = {
    entity: deployment.entity.metadata.name,
    environment: deployment.environment,
    version: deployment.version,
  };
  return template.replace(/\{(entity|environment|version)\}/g, (_, name) =>
    options.encode ? encodeURIComponent(values[name]) : values[name],
  );
}
