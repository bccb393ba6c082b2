import { VerificationConfig } from '@domain-delivery/backstage-plugin-delivery-common';
import { CheckProgress } from '../../database/verifications/VerificationStore';
import { argoCdCheck } from './checks/argoCdCheck';
import { httpCheck } from './checks/httpCheck';
import { prometheusCheck } from './checks/prometheusCheck';
import { VerificationCheckKind } from './checks/VerificationCheckKind';

/** A configured check: its kind and its options, with the timing every kind has. */
export interface ConfiguredCheck {
  kind: CheckProgress['kind'];
  check: VerificationCheckKind<any>;
  config: { intervalMs: number; timeoutMs: number };
  /** What it looks at before the entity is known, e.g. the URL with its placeholders. */
  template: string;
}

/** The checks an environment's verification configures, in a fixed order. */
export function configuredChecks(
  verification: VerificationConfig,
): ConfiguredCheck[] {
  const checks: ConfiguredCheck[] = [];
  if (verification.http) {
    checks.push({
      kind: 'http',
      check: httpCheck,
      config: verification.http,
      template: verification.http.url,
    });
  }
  if (verification.argocd) {
    checks.push({
      kind: 'argocd',
      check: argoCdCheck,
      config: verification.argocd,
      template: verification.argocd.appName ?? 'the Argo CD application',
    });
  }
  if (verification.prometheus) {
    checks.push({
      kind: 'prometheus',
      check: prometheusCheck,
      config: verification.prometheus,
      template: verification.prometheus.query,
    });
  }
  return checks;
}

/** How long the slowest check may take. */
export function longestTimeoutMs(verification: VerificationConfig): number {
  return Math.max(
    ...configuredChecks(verification).map(({ config }) => config.timeoutMs),
  );
}
