import {
  Environment,
  PromotionTrigger,
  PromotionViolation,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { VerificationStore } from '../../database/verifications/VerificationStore';

/**
 * The `verified_in_source` rule: when the target environment requires it, a
 * version is promoted only from a source environment where one of its
 * deployments passed verification. A hotfix skips it, as it skips the other
 * source rules.
 */
export async function verifiedInSource(
  verifications: Pick<VerificationStore, 'listForVersion'>,
  request: {
    entityRef: string;
    environment: Environment;
    version: string;
    trigger: PromotionTrigger;
    source: string;
  },
): Promise<PromotionViolation | undefined> {
  const { entityRef, environment, version, trigger, source } = request;
  if (!environment.promotion.requireVerifiedSource || trigger === 'hotfix') {
    return undefined;
  }
  const found = await verifications.listForVersion(entityRef, source, version);
  if (found.some(verification => verification.state === 'passed')) {
    return undefined;
  }
  const [latest] = found;
  const why = !latest
    ? 'was not verified there'
    : latest.state === 'running'
    ? 'is still being verified there'
    : `failed its verification there (${latest.reason ?? 'no reason given'})`;
  return {
    rule: 'verified_in_source',
    message: `${version} ${why}; ${environment.name} takes only versions whose verification passed in ${source}`,
  };
}
