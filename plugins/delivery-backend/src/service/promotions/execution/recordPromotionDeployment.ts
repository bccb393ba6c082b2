import { InputError } from '@backstage/errors';
import {
  DeploymentEvent,
  Environment,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  PromotionExecutionRequest,
  PromotionExecutionResult,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { PromotionRecord } from '../../../database/promotions/PromotionStore';
import { IngestionService } from '../../ingestion/IngestionService';
import { VersionHistory } from '../VersionHistory';
import { PromotionPolicy } from '../PromotionPolicy';

/** The id of a promotion's deployment in the history. */
export const promotionDeploymentId = (promotionId: string) =>
  `promotion-${promotionId}`;

/**
 * Records an executed promotion's deployment in the history, through
 * ingestion like any other deployment, with the version's head commit and the
 * commits the promotion brings; returns its id.
 */
export async function recordPromotionDeployment(
  deps: {
    history: VersionHistory;
    ingestion: IngestionService;
    policy: PromotionPolicy;
    environments: Environment[];
  },
  execution: {
    promotion: PromotionRecord;
    request: PromotionExecutionRequest;
    result: PromotionExecutionResult;
    now: Date;
  },
): Promise<string> {
  const { history, ingestion, policy, environments } = deps;
  const { promotion, request, result, now } = execution;
  const environment = environments.find(e => e.name === promotion.environment)!;
  const source = policy.sourceEnvironment(request.entity, environment);
  const commits =
    promotion.trigger === 'rollback' || !source
      ? []
      : await history.commitsBetween({
          entityRef: promotion.entityRef,
          source,
          target: promotion.environment,
          version: promotion.version,
        });
  // The head commit of the version as its earlier deployments reported it
  // (DORA's lead time falls back to it); the GitOps commit otherwise.
  const headCommit = await history.headCommit(
    promotion.entityRef,
    promotion.version,
    [...(source ? [source] : []), ...environments.map(e => e.name)],
  );
  const id = promotionDeploymentId(promotion.id);
  const status = result.deploymentStatus ?? 'succeeded';
  const event: DeploymentEvent = {
    type: 'deployment',
    id,
    entityRef: promotion.entityRef,
    environment: promotion.environment,
    version: promotion.version,
    commitSha: headCommit ?? result.commitSha ?? promotion.version,
    commits,
    status,
    trigger: promotion.trigger,
    startedAt: promotion.claimedAt ?? now.toISOString(),
    ...(status !== 'in_progress' && { finishedAt: now.toISOString() }),
    ...(result.url && { url: result.url }),
    actor: request.requester,
  };
  const { rejected } = await ingestion.ingest([event]);
  if (rejected.length > 0) {
    const [{ field, reason }] = rejected;
    throw new InputError(
      `the deployment event was rejected: ${field} ${reason}`,
    );
  }
  return id;
}
