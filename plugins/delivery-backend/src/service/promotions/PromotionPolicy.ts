import { Entity } from '@backstage/catalog-model';
import {
  Environment,
  PromotionRule,
  PromotionTrigger,
  PromotionViolation,
  PromotionWarning,
  environmentsForEntity,
  formatDuration,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionStore } from '../../database/promotions/PromotionStore';
import { EnvironmentExecutors } from '../../executors/EnvironmentExecutors';
import { FreezeWindowService } from './freezeWindows/FreezeWindowService';
import { HaltService } from './halts/HaltService';
import { haltViolation } from './halts/haltViolation';
import { ActiveFreeze } from './freezeWindows/freezeWindowActivity';
import { VersionHistory } from './VersionHistory';
import { VerificationStore } from '../../database/verifications/VerificationStore';
import { verifiedInSource } from './verifiedInSource';

/** What the policy found about a promotion request. */
export interface PolicyEvaluation {
  /** The version running in the target environment now. */
  currentVersion?: string;
  /** The environment the version is promoted from, for the entity. */
  sourceEnvironment?: string;
  soak?: { requiredSeconds: number; soakedSeconds?: number; readyAt?: string };
  freeze?: ActiveFreeze;
  /** Why the request is refused; empty when it is accepted. */
  violations: PromotionViolation[];
  warnings: PromotionWarning[];
}

/** A promotion request as the policy judges it, at the time `now`. */
export interface PolicyRequest {
  entity: Entity;
  entityRef: string;
  environment: Environment;
  version: string;
  trigger: PromotionTrigger;
  now: Date;
}

const RULE_NAMES: Record<PromotionRule, string> = {
  environment: 'environment',
  source_environment: 'source environment',
  soak_time: 'soak time',
  freeze_window: 'freeze window',
  open_promotion: 'open promotion',
  already_running: 'already running',
  rollback_target: 'rollback target',
  executor: 'executor',
  verified_in_source: 'verified in source',
  halt: 'halt',
};

/** The message of the 409 that refuses a request: every violation, each naming its rule. */
export function refusalMessage(violations: PromotionViolation[]): string {
  return violations
    .map(
      ({ rule, message }) =>
        `Refused by the ${RULE_NAMES[rule]} rule: ${message}`,
    )
    .join('; ');
}

/**
 * The promotion policy of the configured environments: which requests are
 * refused (and by which rule), and what the requester should be warned of.
 */
export class PromotionPolicy {
  constructor(
    private readonly options: {
      environments: Environment[];
      history: VersionHistory;
      store: PromotionStore;
      freezeWindows: FreezeWindowService;
      executors: EnvironmentExecutors;
      verifications: Pick<VerificationStore, 'listForVersion'>;
      halts: HaltService;
    },
  ) {}

  /**
   * The environment an entity's versions are promoted into `environment`
   * from: the configured one, or the nearest one before it that the entity
   * is delivered to.
   */
  sourceEnvironment(
    entity: Entity,
    environment: Environment,
  ): string | undefined {
    const delivered = new Set(
      environmentsForEntity(this.options.environments, entity).map(e => e.name),
    );
    const byName = new Map(this.options.environments.map(e => [e.name, e]));
    const seen = new Set([environment.name]);
    let from = environment.promotion.promotedFrom;
    while (from && !delivered.has(from) && !seen.has(from)) {
      seen.add(from);
      from = byName.get(from)?.promotion.promotedFrom;
    }
    return from && delivered.has(from) ? from : undefined;
  }

  /** Evaluates every rule for the request at the time. */
  async evaluate(request: PolicyRequest): Promise<PolicyEvaluation> {
    const { entity, entityRef, environment, version, trigger, now } = request;
    const { history, store, freezeWindows } = this.options;
    const violations: PromotionViolation[] = [];
    const evaluation: PolicyEvaluation = { violations, warnings: [] };
    const env = environment.name;

    const delivered = environmentsForEntity(this.options.environments, entity);
    if (!delivered.some(e => e.name === env)) {
      violations.push({
        rule: 'environment',
        message: `${entityRef} is not delivered to ${env} (see its domain-delivery.io/environments annotation)`,
      });
    }

    // A request that can never be carried out is refused now, not failed later.
    const executorProblem = this.options.executors.problem(env);
    if (executorProblem) {
      violations.push({ rule: 'executor', message: executorProblem });
    }

    const running = await history.running(entityRef, env);
    if (running) {
      evaluation.currentVersion = running.version;
      if (running.version === version) {
        violations.push({
          rule: 'already_running',
          message: `${version} already runs in ${env}`,
        });
      }
    }

    if (trigger === 'rollback') {
      const before = await history.latestSuccess(entityRef, env, version);
      if (!before) {
        violations.push({
          rule: 'rollback_target',
          message: `${version} never ran in ${env}; a rollback goes back to a version that did`,
        });
      }
    } else {
      await this.checkSource(request, evaluation);
    }

    // A rollback restores a version that ran before, so a freeze does not stop it.
    const freeze = await freezeWindows.activeFreeze(env, now);
    if (freeze) {
      evaluation.freeze = freeze;
      if (trigger !== 'rollback') {
        violations.push({
          rule: 'freeze_window',
          message: `${env} is frozen until ${freeze.until.toISOString()}${
            freeze.reason ? ` (${freeze.reason})` : ''
          }`,
        });
      }
    }

    // A halt stops everything, rollbacks included: lifting it is one action.
    const halt = await this.options.halts.activeHaltFor(entity);
    if (halt) {
      violations.push(haltViolation(halt));
    }

    const open = await store.findOpenPromotion(entityRef, env);
    if (open) {
      violations.push({
        rule: 'open_promotion',
        message: `promotion ${open.id} of ${entityRef} into ${env} (${open.version}) is still ${open.state}; cancel it or wait for it to finish`,
      });
    }

    for (const rolledBack of await store.listRolledBack(entityRef)) {
      if (rolledBack.version === version) {
        evaluation.warnings.push({
          code: 'rolled_back_version',
          message: `${version} was rolled back in ${rolledBack.environment} on ${rolledBack.rolledBackAt} by ${rolledBack.rolledBackBy} (promotion ${rolledBack.promotionId})`,
        });
      }
    }
    return evaluation;
  }

  /** The source environment and soak time rules; a hotfix skips both. */
  private async checkSource(
    request: PolicyRequest,
    evaluation: PolicyEvaluation,
  ) {
    const { entity, entityRef, environment, version, trigger, now } = request;
    const source = this.sourceEnvironment(entity, environment);
    if (!source) {
      return;
    }
    evaluation.sourceEnvironment = source;
    const required = environment.promotion.minimumSoakSeconds;
    if (required > 0) {
      evaluation.soak = { requiredSeconds: required };
    }
    const succeeded = await this.options.history.latestSuccess(
      entityRef,
      source,
      version,
    );
    if (!succeeded) {
      if (trigger !== 'hotfix') {
        evaluation.violations.push({
          rule: 'source_environment',
          message: `${version} has not succeeded in ${source}; only a version that did can be promoted into ${environment.name} (or use a hotfix)`,
        });
      }
      return;
    }
    const unverified = await verifiedInSource(this.options.verifications, {
      ...request,
      source,
    });
    if (unverified) {
      evaluation.violations.push(unverified);
    }
    if (required <= 0) {
      return;
    }
    const since = Date.parse(
      await this.options.history.runningSince(succeeded),
    );
    const soaked = Math.max(0, Math.floor((now.getTime() - since) / 1000));
    const readyAt = new Date(since + required * 1000).toISOString();
    evaluation.soak = {
      requiredSeconds: required,
      soakedSeconds: soaked,
      readyAt,
    };
    if (soaked < required && trigger !== 'hotfix') {
      evaluation.violations.push({
        rule: 'soak_time',
        message: `${version} has run in ${source} for ${formatDuration(soaked, {
          exact: true,
        })}; ${environment.name} requires ${formatDuration(required, {
          exact: true,
        })}, so it can be promoted from ${readyAt}`,
      });
    }
  }
}
