import {
  Environment,
  PromotionTrigger,
  PromotionViolation,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  VerificationRecord,
  VerificationStore,
} from '../../database/verifications/VerificationStore';

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
  return {
    rule: 'verified_in_source',
    message: `${version} ${whyNot(latest)}; ${
      environment.name
    } takes only versions whose verification passed in ${source}`,
  };
}

// Why the latest verification of the version does not let it through.
function whyNot(latest: VerificationRecord | undefined): string {
  if (!latest) {
    return 'was not verified there';
  }
  if (latest.state === 'running') {
    return 'is still being verified there';
  }
  return `failed its verification there (${
    latest.reason ?? 'no reason given'
  })`;
}
