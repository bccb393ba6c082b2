import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import type {
  DeliveryEvent,
  EventCommit,
} from '@domain-delivery/backstage-plugin-delivery-common';
import type {
  DeliveryEventConnection,
  DeliveryEventSource,
} from '@domain-delivery/backstage-plugin-delivery-node';
import type {
  DeploymentCreatedEvent,
  DeploymentStatusCreatedEvent,
  IssuesEvent,
  WorkflowRunEvent,
} from '@octokit/webhooks-types';
import { RepositoryEntities } from './catalog/RepositoryEntities';
import { GitHubSourceSettings } from './config/readGitHubSourceSettings';
import { DeploymentCommits } from './deployments/DeploymentCommits';
import { deploymentEvents, statusReport } from './deployments/deploymentEvents';
import { WebhookRepository, webhookRepository } from './githubRepository';
import { incidentEvents, isIncident } from './incidents/incidentEvents';
import { pipelineRunEvents } from './pipelines/pipelineRunEvents';

/** The topics the events backend's GitHub module publishes deliveries under. */
export const GITHUB_TOPICS = {
  deployment: 'github.deployment',
  deploymentStatus: 'github.deployment_status',
  issues: 'github.issues',
  workflowRun: 'github.workflow_run',
} as const;

/** What the GitHub webhook source needs. */
export interface GitHubWebhookEventSourceOptions {
  events: EventsService;
  logger: LoggerService;
  entities: RepositoryEntities;
  settings: GitHubSourceSettings;
  /** Absent when the commits of deployments are not looked up. */
  commits?: DeploymentCommits;
}

/**
 * Turns GitHub's webhook deliveries, as Backstage's events system publishes
 * them, into deployment, incident and pipeline run events of the delivery
 * plugin.
 */
export class GitHubWebhookEventSource implements DeliveryEventSource {
  private knownEnvironments = new Set<string>();

  constructor(private readonly options: GitHubWebhookEventSourceOptions) {}

  getSourceName(): string {
    return 'github';
  }

  async connect(connection: DeliveryEventConnection): Promise<void> {
    const { settings } = this.options;
    // GitHub environments the portal does not know (e.g. github-pages or a
    // preview) are left out rather than refused one delivery at a time.
    this.knownEnvironments = new Set(
      connection.environments.map(({ name }) => name),
    );
    const incidentEnvironment = settings.incidents.enabled
      ? this.incidentEnvironment(connection)
      : undefined;
    const topics: string[] = [];
    if (settings.deployments.enabled) {
      topics.push(GITHUB_TOPICS.deployment, GITHUB_TOPICS.deploymentStatus);
    }
    if (incidentEnvironment) {
      topics.push(GITHUB_TOPICS.issues);
    }
    if (settings.pipelines.enabled) {
      topics.push(GITHUB_TOPICS.workflowRun);
    }
    if (!topics.length) {
      return;
    }
    await this.options.events.subscribe({
      id: 'delivery-github',
      topics,
      onEvent: async params => {
        const events = await this.eventsOf(params, incidentEnvironment);
        if (events.length) {
          await this.ingest(connection, params.topic, events);
        }
      },
    });
  }

  /** The environment incidents are reported in; undefined (and a warning) when there is none. */
  private incidentEnvironment(
    connection: DeliveryEventConnection,
  ): string | undefined {
    const configured = this.options.settings.incidents.environment;
    const environment =
      configured ??
      connection.environments.find(candidate => candidate.production)?.name;
    if (!environment) {
      this.options.logger.warn(
        'GitHub issues are not recorded as incidents: no environment is production; set delivery.github.incidents.environment',
      );
      return undefined;
    }
    if (!this.knownEnvironments.has(environment)) {
      this.options.logger.warn(
        `GitHub issues are not recorded as incidents: delivery.github.incidents.environment '${environment}' is not one of delivery.environments`,
      );
      return undefined;
    }
    return environment;
  }

  private async eventsOf(
    params: EventParams,
    incidentEnvironment: string | undefined,
  ): Promise<DeliveryEvent[]> {
    switch (params.topic) {
      case GITHUB_TOPICS.deployment:
        return this.deploymentCreated(
          params.eventPayload as DeploymentCreatedEvent,
        );
      case GITHUB_TOPICS.deploymentStatus:
        return this.deploymentStatus(
          params.eventPayload as DeploymentStatusCreatedEvent,
        );
      case GITHUB_TOPICS.issues:
        if (!incidentEnvironment) {
          return [];
        }
        return this.issue(
          params.eventPayload as IssuesEvent,
          incidentEnvironment,
        );
      case GITHUB_TOPICS.workflowRun:
        return this.workflowRun(params.eventPayload as WorkflowRunEvent);
      default:
        return [];
    }
  }

  private async workflowRun(
    payload: WorkflowRunEvent,
  ): Promise<DeliveryEvent[]> {
    // Requested, in progress and completed alike: the run's own status says
    // where it is, so deliveries in any order give the same record.
    const repository = webhookRepository(payload.repository);
    const entityRefs = await this.options.entities.refsOf(repository.slug);
    return pipelineRunEvents(payload.workflow_run, entityRefs, {
      defaultBranch: payload.repository.default_branch,
    });
  }

  private async deploymentCreated(
    payload: DeploymentCreatedEvent,
  ): Promise<DeliveryEvent[]> {
    if (payload.action !== 'created') {
      return [];
    }
    return this.deployment(payload, undefined);
  }

  private async deploymentStatus(
    payload: DeploymentStatusCreatedEvent,
  ): Promise<DeliveryEvent[]> {
    if (payload.action !== 'created') {
      return [];
    }
    return this.deployment(payload, payload.deployment_status);
  }

  private async deployment(
    payload: DeploymentCreatedEvent | DeploymentStatusCreatedEvent,
    status: DeploymentStatusCreatedEvent['deployment_status'] | undefined,
  ): Promise<DeliveryEvent[]> {
    const { deployment } = payload;
    const repository = webhookRepository(payload.repository);
    const report = statusReport(repository, deployment, status);
    const environment = this.options.settings.deployments.environmentFor(
      deployment.environment,
    );
    if (!report || !this.knownEnvironments.has(environment)) {
      return [];
    }
    const entityRefs = await this.options.entities.refsOf(repository.slug);
    if (!entityRefs.length) {
      return [];
    }
    // Only a finished deployment asks GitHub for its commits: its report
    // replaces every unfinished one, so asking earlier would be wasted.
    const commits = report.state.finishedAt
      ? await this.commitsOf(repository, deployment)
      : undefined;
    return deploymentEvents({ report, environment, entityRefs, commits });
  }

  private async commitsOf(
    repository: WebhookRepository,
    deployment: DeploymentCreatedEvent['deployment'],
  ): Promise<EventCommit[] | undefined> {
    if (!this.options.commits) {
      return undefined;
    }
    try {
      return await this.options.commits.of({
        repository,
        id: deployment.id,
        environment: deployment.environment,
        sha: deployment.sha,
      });
    } catch (error) {
      // The deployment is still worth recording; a later status of it tries again.
      this.options.logger.warn(
        `Could not read the commits of GitHub deployment ${deployment.id} of ${repository.slug} for lead time: ${error}`,
      );
      return undefined;
    }
  }

  private async issue(
    payload: IssuesEvent,
    environment: string,
  ): Promise<DeliveryEvent[]> {
    // A deleted or transferred issue leaves the record as it was last seen.
    if (payload.action === 'deleted' || payload.action === 'transferred') {
      return [];
    }
    if (!isIncident(payload.issue, this.options.settings.incidents.label)) {
      return [];
    }
    const repository = webhookRepository(payload.repository);
    const entityRefs = await this.options.entities.refsOf(repository.slug);
    return incidentEvents({
      repository,
      issue: payload.issue,
      environment,
      entityRefs,
    });
  }

  private async ingest(
    connection: DeliveryEventConnection,
    topic: string,
    events: DeliveryEvent[],
  ): Promise<void> {
    const result = await connection.ingest(events);
    for (const rejected of result.rejected) {
      this.options.logger.warn(
        `The delivery plugin refused event ${rejected.id} of a ${topic} delivery: ${rejected.field} ${rejected.reason}`,
      );
    }
  }
}
