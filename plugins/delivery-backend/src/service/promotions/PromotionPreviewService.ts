import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  Environment,
  PromotionChangePreview,
  PromotionPreview,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionChangeRequest } from '@domain-delivery/backstage-plugin-delivery-node';
import { EnvironmentExecutors } from '../../executors/EnvironmentExecutors';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { resolveApprovers } from './approvers';
import { VersionHistory } from './VersionHistory';
import { PromotionPolicy } from './PromotionPolicy';
import { ParsedPromotionRequest } from './PromotionRequests';

/**
 * The recent change failure rate of an environment for an entity, 0 to 1, or
 * `null` when unknown (DORA counts production environments only); supplied
 * by the DORA service, read with the caller's credentials.
 */
export type ChangeFailureRateSource = (
  entityRef: string,
  environment: Environment,
  credentials: BackstageCredentials,
) => Promise<number | null>;

/**
 * What a promotion would do, for the dialog that asks to confirm it: the
 * version change, the commits it brings, the GitOps change, the approvals it
 * needs and why it would be refused now.
 */
export class PromotionPreviewService {
  constructor(
    private readonly options: {
      catalog: EntityCatalog;
      policy: PromotionPolicy;
      history: VersionHistory;
      executors: EnvironmentExecutors;
      /** Without it the preview's `changeFailureRate` is null. */
      changeFailureRate?: ChangeFailureRateSource;
      now?: () => Date;
    },
  ) {}

  /** The preview of a promotion request (whose `reason` may be empty). */
  async preview(
    request: ParsedPromotionRequest,
    credentials: BackstageCredentials,
  ): Promise<PromotionPreview> {
    const { catalog, policy, history } = this.options;
    const { entityRef, environment, version, trigger } = request;
    const entity = await catalog.getEntity(entityRef, credentials);
    const now = this.options.now?.() ?? new Date();
    const evaluation = await policy.evaluate({ ...request, entity, now });
    const source = evaluation.sourceEnvironment;
    const commits =
      trigger === 'rollback' || !source
        ? []
        : await history.commitsBetween({
            entityRef,
            source,
            target: environment.name,
            version,
          });
    const change = await this.changeOf({
      entityRef,
      entity,
      environment: environment.name,
      version,
      ...(evaluation.currentVersion && {
        currentVersion: evaluation.currentVersion,
      }),
      trigger,
    });
    const changeFailureRate =
      (await this.options.changeFailureRate?.(
        entityRef,
        environment,
        credentials,
      )) ?? null;

    return {
      entityRef,
      environment: environment.name,
      version,
      trigger,
      ...(evaluation.currentVersion && {
        currentVersion: evaluation.currentVersion,
      }),
      ...(source && { sourceEnvironment: source }),
      commits,
      ...(change && { change }),
      approvals: {
        required: environment.promotion.requiredApprovals,
        approvers: resolveApprovers(environment.promotion.approvers, entity),
        allowSelfApproval: environment.promotion.allowSelfApproval,
      },
      ...(evaluation.soak && { soak: evaluation.soak }),
      ...(evaluation.freeze && {
        freeze: {
          until: evaluation.freeze.until.toISOString(),
          ...(evaluation.freeze.reason && {
            reason: evaluation.freeze.reason,
          }),
        },
      }),
      changeFailureRate,
      violations: evaluation.violations,
      warnings: evaluation.warnings,
    };
  }

  /** What the environment's executor will change; undefined when it has none that can run (the executor rule says why). */
  private async changeOf(
    change: Omit<PromotionChangeRequest, 'executor'>,
  ): Promise<PromotionChangePreview | undefined> {
    const { executors } = this.options;
    if (executors.problem(change.environment)) {
      return undefined;
    }
    const { executor, options } = executors.executorFor(change.environment);
    const request: PromotionChangeRequest = { ...change, executor: options };
    if (!executor.preview) {
      return {
        executor: executor.type,
        description: `The ${executor.type} executor will run ${request.version} in ${request.environment}`,
        files: [],
      };
    }
    try {
      const preview = await executor.preview(request);
      return {
        executor: executor.type,
        description: preview.description,
        files: preview.files ?? [],
      };
    } catch (error) {
      return {
        executor: executor.type,
        description: `The ${
          executor.type
        } executor cannot tell what it will change: ${stringifyError(error)}`,
        files: [],
      };
    }
  }
}
