import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  DeploymentGate,
  DeploymentGateAnswer,
  DeploymentGateConnection,
  DeploymentGateRefusedError,
  GitHubClientFactory,
} from '@domain-delivery/backstage-plugin-delivery-node';
import type { DeploymentProtectionRuleRequestedEvent } from '@octokit/webhooks-types';
import { RepositoryEntities } from '../catalog/RepositoryEntities';
import { webhookRepository } from '../githubRepository';
import {
  ProtectionRuleCallback,
  protectionRuleRequest,
} from './protectionRuleRequest';

/** The topic the events backend's GitHub module publishes protection requests under. */
export const PROTECTION_RULE_TOPIC = 'github.deployment_protection_rule';

// GitHub answers these when the run no longer waits for this rule (answered
// already, cancelled, or timed out): asking again would not change that.
const REFUSED_STATUSES = new Set([404, 410, 422]);

/**
 * The portal as a GitHub App's custom deployment protection rule: each
 * `deployment_protection_rule` request is judged by the environment's
 * promotion policy, and GitHub's callback is answered `approved` or
 * `rejected`, naming the rule or the approver.
 */
export class GitHubDeploymentProtection implements DeploymentGate {
  constructor(
    private readonly options: {
      events: EventsService;
      logger: LoggerService;
      entities: RepositoryEntities;
      githubClients: GitHubClientFactory;
      /** The portal's environment for a GitHub environment name. */
      environmentFor(githubEnvironment: string): string;
    },
  ) {}

  getGateName(): string {
    return 'github';
  }

  async connect(connection: DeploymentGateConnection): Promise<void> {
    const known = new Set(connection.environments.map(({ name }) => name));
    await this.options.events.subscribe({
      id: 'delivery-github-protection-rules',
      topics: [PROTECTION_RULE_TOPIC],
      onEvent: params => this.requested(connection, known, params),
    });
  }

  private async requested(
    connection: DeploymentGateConnection,
    known: Set<string>,
    params: EventParams,
  ): Promise<void> {
    const { logger, entities } = this.options;
    const payload =
      params.eventPayload as DeploymentProtectionRuleRequestedEvent;
    if (payload.action !== 'requested') {
      return;
    }
    const repository = webhookRepository(payload.repository);
    const githubEnvironment =
      payload.environment ?? payload.deployment?.environment ?? '';
    const environment = this.options.environmentFor(githubEnvironment);
    // Left for someone to answer on GitHub: the portal has no policy for it.
    if (!known.has(environment)) {
      logger.warn(
        `GitHub asks whether ${repository.slug} may deploy to '${githubEnvironment}', which is not (mapped to) one of delivery.environments; answer it on GitHub`,
      );
      return;
    }
    // A repository of several entities (a monorepo) is judged as its first.
    const [entityRef] = (await entities.refsOf(repository.slug)).sort();
    if (!entityRef) {
      logger.warn(
        `GitHub asks whether ${repository.slug} may deploy to ${githubEnvironment}, but no entity has the github.com/project-slug annotation ${repository.slug}; answer it on GitHub`,
      );
      return;
    }
    const request = protectionRuleRequest({
      payload,
      repository,
      entityRef,
      environment,
    });
    if (!request) {
      logger.warn(
        `A deployment_protection_rule delivery of ${repository.slug} has no deployment, environment or callback URL; it cannot be answered`,
      );
      return;
    }
    try {
      const decision = await connection.request(request);
      logger.info(
        `GitHub asks to deploy ${entityRef} to ${environment}: ${decision.state} (promotion ${decision.promotionId}): ${decision.comment}`,
      );
    } catch (error) {
      logger.error(
        `Could not judge GitHub's request to deploy ${entityRef} to ${environment}: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  async answer(answer: DeploymentGateAnswer): Promise<void> {
    const callback = answer.callback as ProtectionRuleCallback;
    const client = await this.options.githubClients.forRepository(callback);
    try {
      await client.request(
        'POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule',
        {
          owner: callback.owner,
          repo: callback.repo,
          run_id: callback.runId,
          environment_name: callback.environmentName,
          state: answer.state,
          // GitHub shows it with the run, in the environment's review.
          comment: answer.comment,
        },
      );
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status && REFUSED_STATUSES.has(status)) {
        throw new DeploymentGateRefusedError(
          `GitHub refused the answer for run ${callback.runId} of ${
            callback.owner
          }/${callback.repo} (${status}): ${stringifyError(error)}`,
        );
      }
      throw error;
    }
  }
}
