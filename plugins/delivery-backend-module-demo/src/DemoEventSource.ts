import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeliveryEventConnection,
  DeliveryEventSource,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { DemoGitOpsSeeding } from './gitops/DemoGitOpsSeeding';
import { LocalGitOpsRepository } from '@domain-delivery/backstage-plugin-delivery-node';
import { DemoHistoryLoader } from './history/DemoHistoryLoader';
import { demoRunningVersions } from './history/runningVersions';

/** What the demo's event source needs besides its connection. */
export interface DemoEventSourceOptions {
  logger: LoggerService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  /** The local GitOps repository the demo gives a values file per service. */
  gitops: LocalGitOpsRepository;
  /** The clock; the current time unless a test sets it. */
  now?: () => Date;
}

/**
 * The demo's delivery history as an event source: once connected, it loads
 * the history of the catalog's delivery-enabled components, and gives the
 * local GitOps repository a values file per service and environment with the
 * version the history ends with.
 */
export class DemoEventSource implements DeliveryEventSource {
  constructor(private readonly options: DemoEventSourceOptions) {}

  getSourceName(): string {
    return 'demo';
  }

  async connect(connection: DeliveryEventConnection): Promise<void> {
    const { gitops, now = () => new Date(), ...services } = this.options;
    await DemoHistoryLoader.create({ ...services, connection, now });
    await DemoGitOpsSeeding.create({
      ...services,
      repository: gitops,
      environments: connection.environments,
      runningVersions: (entityRef, environments) =>
        demoRunningVersions(entityRef, environments, now()),
    });
  }
}
