import {
  Deployment,
  Environment,
  EnvironmentStatus,
  PromotionPreview,
  PromotionRequest,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { InMemoryPromotions } from './InMemoryPromotions';

/** What the in-memory policy looks at to judge a promotion request. */
export interface InMemoryPolicyFacts {
  request: Omit<PromotionRequest, 'reason'>;
  /** The target environment's configuration. */
  environment?: Environment;
  /** What runs in the target environment. */
  target?: EnvironmentStatus;
  /** What runs in the environment the target is promoted from, for the entity. */
  source?: EnvironmentStatus;
  /** The entity's succeeded deployments to an environment, newest first. */
  succeeded: (environment: string) => Deployment[];
  promotions: InMemoryPromotions;
  now: Date;
}

/**
 * The backend's promotion rules over the fake's data, with the same words:
 * already running, rollback target, source environment, soak time, freeze
 * window (set on the fake), open promotion; and the rolled-back warning.
 */
export function evaluateInMemoryPolicy(
  facts: InMemoryPolicyFacts,
): Pick<PromotionPreview, 'violations' | 'warnings' | 'soak' | 'freeze'> {
  const { request, environment, target, source, promotions, now } = facts;
  const { entityRef, version } = request;
  const env = request.environment;
  const trigger = request.trigger ?? 'promotion';
  const result: ReturnType<typeof evaluateInMemoryPolicy> = {
    violations: [],
    warnings: [],
  };

  if (target?.current?.version === version) {
    result.violations.push({
      rule: 'already_running',
      message: `${version} already runs in ${env}`,
    });
  }
  if (trigger === 'rollback') {
    if (!facts.succeeded(env).some(d => d.version === version)) {
      result.violations.push({
        rule: 'rollback_target',
        message: `${version} never ran in ${env}; a rollback goes back to a version that did`,
      });
    }
  } else if (source) {
    const from = source.environment.name;
    const ran = facts.succeeded(from).find(d => d.version === version);
    const required = environment?.promotion.minimumSoakSeconds ?? 0;
    if (!ran && trigger !== 'hotfix') {
      result.violations.push({
        rule: 'source_environment',
        message: `${version} has not succeeded in ${from}; only a version that did can be promoted into ${env} (or use a hotfix)`,
      });
    } else if (ran && required > 0) {
      const since = Date.parse(
        source.current?.version === version
          ? source.current.since
          : ran.finishedAt!,
      );
      const soaked = Math.max(0, Math.floor((now.getTime() - since) / 1000));
      const readyAt = new Date(since + required * 1000).toISOString();
      result.soak = {
        requiredSeconds: required,
        soakedSeconds: soaked,
        readyAt,
      };
      if (soaked < required && trigger !== 'hotfix') {
        result.violations.push({
          rule: 'soak_time',
          message: `${version} has run in ${from} for ${soaked} s; ${env} requires ${required} s, so it can be promoted from ${readyAt}`,
        });
      }
    }
  }

  const freeze = promotions.activeFreeze(env);
  if (freeze) {
    result.freeze = freeze;
    // A rollback restores a version that ran before, so a freeze does not stop it.
    if (trigger !== 'rollback') {
      result.violations.push({
        rule: 'freeze_window',
        message: `${env} is frozen until ${freeze.until}${
          freeze.reason ? ` (${freeze.reason})` : ''
        }`,
      });
    }
  }

  const open = promotions.openPromotion(entityRef, env);
  if (open) {
    result.violations.push({
      rule: 'open_promotion',
      message: `promotion ${open.id} of ${entityRef} into ${env} (${open.version}) is still ${open.state}; cancel it or wait for it to finish`,
    });
  }

  for (const rollback of promotions.rollbacksFrom(entityRef, version)) {
    result.warnings.push({
      code: 'rolled_back_version',
      message: `${version} was rolled back in ${rollback.environment} on ${rollback.updatedAt} by ${rollback.requestedBy} (promotion ${rollback.id})`,
    });
  }
  return result;
}
