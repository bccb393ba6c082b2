import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  ArgoCdClient,
  DeliveryEventConnection,
  DeliveryEventSource,
  EntityApplicationStatus,
} from '@domain-delivery/backstage-plugin-delivery-node';
import {
  ApplicationTarget,
  applicationTargets,
} from './applications/applicationTargets';
import {
  applicationDeployment,
  applicationEnvironment,
} from './applications/applicationDeployment';
import { applicationStatus } from './applications/applicationStatus';
import { ArgoCdAnnotatedEntities } from './catalog/ArgoCdAnnotatedEntities';
import { ArgoCdSourceSettings } from './config/readArgoCdSourceSettings';

/** The id of the scheduled task that reads the applications. */
export const ARGOCD_TASK_ID = 'delivery-argocd-applications';

// Applications read at once: enough to keep a run short, few enough for Argo CD.
const CONCURRENCY = 4;
// As many events as one POST /events takes.
const INGEST_BATCH = 1000;

/** What one read of the applications found. */
interface ApplicationReading {
  events: DeliveryEvent[];
  statuses: EntityApplicationStatus[];
}

/**
 * Reads the Argo CD applications of the annotated entities on a schedule:
 * each application's latest sync becomes a deployment, and its sync and
 * health are stored for the environment views.
 */
export class ArgoCdApplicationsSource implements DeliveryEventSource {
  private readonly clients: Map<string, ArgoCdClient>;

  constructor(
    private readonly options: {
      settings: ArgoCdSourceSettings;
      entities: ArgoCdAnnotatedEntities;
      scheduler: SchedulerService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.clients = new Map(
      options.settings.instances.map(instance => [
        instance.name,
        new ArgoCdClient(instance),
      ]),
    );
  }

  getSourceName(): string {
    return 'argocd';
  }

  async connect(connection: DeliveryEventConnection): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: ARGOCD_TASK_ID,
      // One replica reads; the others would only read the same again.
      scope: 'global',
      ...this.options.settings.schedule,
      fn: signal => this.read(connection, signal),
    });
  }

  /** One read of every annotated entity's applications. */
  async read(
    connection: DeliveryEventConnection,
    signal?: AbortSignal,
  ): Promise<void> {
    const { logger, settings } = this.options;
    const targets: ApplicationTarget[] = [];
    for (const entity of await this.options.entities.list()) {
      const found = applicationTargets(
        entity,
        connection.environments,
        settings.instances,
      );
      targets.push(...found.targets);
      found.problems.forEach(problem => logger.warn(problem));
    }

    const reading: ApplicationReading = { events: [], statuses: [] };
    let next = 0;
    const worker = async () => {
      while (next < targets.length && !signal?.aborted) {
        await this.readOne(targets[next++], reading, signal);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    for (let start = 0; start < reading.events.length; start += INGEST_BATCH) {
      const { rejected } = await connection.ingest(
        reading.events.slice(start, start + INGEST_BATCH),
      );
      for (const { index, field, reason } of rejected) {
        logger.warn(
          `Argo CD deployment ${
            reading.events[start + index]?.id
          } was not recorded: ${field} ${reason}`,
        );
      }
    }
    await connection.recordApplicationStatuses(reading.statuses);
    logger.debug(
      `Read ${targets.length} Argo CD applications: ${reading.events.length} deployments`,
    );
  }

  private async readOne(
    target: ApplicationTarget,
    reading: ApplicationReading,
    signal?: AbortSignal,
  ): Promise<void> {
    const client = this.clients.get(target.instance.name)!;
    let application;
    try {
      application = await client.getApplication(target.application, {
        signal,
      });
    } catch (error) {
      // One unreadable application leaves the others' reading whole.
      this.options.logger.warn(
        `${target.entityRef}: ${(error as Error).message}`,
      );
      return;
    }
    const environment = applicationEnvironment(
      application,
      target.environments,
    );
    if (!environment) {
      this.options.logger.warn(
        `${target.entityRef}: the Argo CD application ${
          target.application
        } names none of the entity's environments (${target.environments.join(
          ', ',
        )}) in its domain-delivery.io/environment label`,
      );
      return;
    }
    const now = this.options.now?.() ?? new Date();
    const context = {
      entity: target.entity,
      entityRef: target.entityRef,
      environment,
      instance: target.instance.name,
      url: client.applicationUrl(target.application),
    };
    const deployment = applicationDeployment(application, context, now);
    if (deployment) {
      reading.events.push(deployment);
    }
    reading.statuses.push(applicationStatus(application, context, now));
  }
}
