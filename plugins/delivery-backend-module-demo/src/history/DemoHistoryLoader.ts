import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { ForwardedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DELIVERY_SERVICE_ANNOTATION,
  DeliveryEvent,
  Environment,
  environmentsForEntity,
  isDeliveryEnabled,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryEventConnection } from '@domain-delivery/backstage-plugin-delivery-node';
import { demoPipelineRuns } from './demoPipelineRuns';
import { generateDemoHistory } from './generateDemoHistory';

/** The push API's batch limit. */
const BATCH_SIZE = 1000;

/** What {@link DemoHistoryLoader.create} needs. */
export interface DemoHistoryLoaderOptions {
  logger: LoggerService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  /** The delivery plugin's ingestion, the same as real events', and its environments. */
  connection: DeliveryEventConnection;
  /** The clock; the current time unless a test sets it. */
  now?: () => Date;
}

/**
 * Loads the demo's deterministic delivery history for the catalog's
 * delivery-enabled components.
 */
export class DemoHistoryLoader {
  /** The id of the scheduled task that loads the history. */
  static readonly TASK_ID = 'delivery-demo-history';

  // Entity ref → the UTC day its history was last loaded by this instance.
  private readonly loadedOn = new Map<string, string>();
  private readonly now: () => Date;

  /** Creates the loader and schedules it. */
  static async create(
    options: DemoHistoryLoaderOptions,
  ): Promise<DemoHistoryLoader> {
    const loader = new DemoHistoryLoader(options);
    await options.scheduler.scheduleTask({
      id: DemoHistoryLoader.TASK_ID,
      scope: 'global',
      frequency: { minutes: 5 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 5 },
      fn: signal => loader.load(signal),
    });
    return loader;
  }

  private constructor(private readonly options: DemoHistoryLoaderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Generates and ingests the history of every delivery-enabled component
   * whose history this instance has not loaded today. Ingestion is idempotent
   * on ids, so loading a history again is harmless, only needless.
   */
  async load(signal?: AbortSignal): Promise<void> {
    const { catalog, auth, logger } = this.options;
    const { environments } = this.options.connection;
    const now = this.now();
    const today = now.toISOString().slice(0, 10);

    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`metadata.annotations.${DELIVERY_SERVICE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const entities = items.filter(isDeliveryEnabled);
    if (entities.length === 0) {
      // The catalog processes its locations right after startup.
      logger.info(
        'No delivery-enabled components in the catalog yet; the demo delivery history will be loaded on a later run',
      );
      return;
    }

    const pending = entities
      .map(entity => ({
        entityRef: normalizeEntityRef(entity),
        environments: environmentsForEntity(environments, entity),
      }))
      .filter(({ entityRef }) => this.loadedOn.get(entityRef) !== today);
    if (pending.length === 0) {
      return;
    }

    const ingested = await this.ingestHistories(pending, now, today, signal);
    logger.info(
      `Loaded the demo delivery history of ${ingested.components} components: ${ingested.accepted} events accepted`,
    );
    if (ingested.rejected.length > 0) {
      logger.warn(
        `${
          ingested.rejected.length
        } demo delivery events were rejected, which is a bug in the demo history generator: ${JSON.stringify(
          ingested.rejected.slice(0, 20),
        )}`,
      );
    }
  }

  private async ingestHistories(
    pending: Array<{ entityRef: string; environments: Environment[] }>,
    now: Date,
    today: string,
    signal: AbortSignal | undefined,
  ) {
    const { connection } = this.options;
    let accepted = 0;
    let components = 0;
    const rejected: Array<{ id?: string; field: string; reason: string }> = [];
    let batch: DeliveryEvent[] = [];
    // Components whose every event is in the current batch or an earlier one.
    let complete: string[] = [];

    const flush = async () => {
      if (batch.length > 0) {
        let result;
        try {
          result = await connection.ingest(batch);
        } catch (error) {
          throw new ForwardedError(
            'Failed to ingest the demo delivery history',
            error,
          );
        }
        accepted += result.accepted.length;
        for (const { index, id, field, reason } of result.rejected) {
          rejected.push({ id: id ?? batch[index]?.id, field, reason });
        }
        batch = [];
      }
      for (const entityRef of complete) {
        this.loadedOn.set(entityRef, today);
      }
      components += complete.length;
      complete = [];
    };

    for (const { entityRef, environments } of pending) {
      if (signal?.aborted) {
        break;
      }
      const events: DeliveryEvent[] = [
        ...generateDemoHistory({
          entityRefs: [entityRef],
          environments,
          now,
        }),
        // Its CI runs and their tests, for the pipeline health.
        ...demoPipelineRuns(entityRef, now),
      ];
      for (const event of events) {
        batch.push(event);
        if (batch.length === BATCH_SIZE) {
          await flush();
        }
      }
      complete.push(entityRef);
    }
    await flush();
    return { accepted, rejected, components };
  }
}
