import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DELIVERY_GITOPS_PATH_ANNOTATION,
  Environment,
  environmentsForEntity,
  getDeliveryGitOpsPath,
  getDeliveryServiceName,
  isDeliveryEnabled,
  normalizeEntityRef,
} from '@internal/backstage-plugin-delivery-common';
import { LocalGitOpsRepository } from '@internal/backstage-plugin-delivery-node';
import { Document } from 'yaml';
import { DeliveryStore } from '../database/DeliveryStore';

/** What {@link DemoGitOpsRepository.create} needs. */
export interface DemoGitOpsRepositoryOptions {
  enabled: boolean;
  path: string;
  logger: LoggerService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  store: DeliveryStore;
  environments: Environment[];
}

/** The demo's values file of a service in an environment. */
export function demoValuesFile(
  entity: Entity,
  environment: Environment,
  version: string,
): string {
  const service = getDeliveryServiceName(entity) ?? entity.metadata.name;
  const document = new Document({
    image: {
      repository: `ghcr.io/domain-delivery-demo/${service}`,
      tag: version,
    },
    replicaCount: environment.production ? 3 : 1,
    resources: {
      requests: environment.production
        ? { cpu: '500m', memory: '512Mi' }
        : { cpu: '100m', memory: '256Mi' },
    },
  });
  document.commentBefore = ` Helm values of ${service} in ${environment.name}.\n Domain Delivery promotions set image.tag; edit the rest by hand.`;
  return document.toString();
}

/**
 * The demo's local GitOps repository: created at start when missing, then
 * given one values file per delivery-enabled component and environment
 * (`<gitops-path>/values-<environment>.yaml`, image tag = the version running
 * there per the store) by a task that only adds files that are missing.
 */
export class DemoGitOpsRepository {
  /** The id of the scheduled task that adds missing values files. */
  static readonly TASK_ID = 'delivery-demo-gitops';

  private readonly repository: LocalGitOpsRepository;

  /** Creates the repository and schedules the task, when the demo is enabled. */
  static async create(
    options: DemoGitOpsRepositoryOptions,
  ): Promise<DemoGitOpsRepository> {
    const demo = new DemoGitOpsRepository(options);
    if (options.enabled) {
      if (await demo.repository.create()) {
        options.logger.info(
          `Created the demo GitOps repository in ${demo.repository.dir}`,
        );
      }
      // The disk is each replica's own, so every replica keeps its copy.
      await options.scheduler.scheduleTask({
        id: DemoGitOpsRepository.TASK_ID,
        scope: 'local',
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 20 },
        fn: async () => {
          await demo.seed();
        },
      });
    }
    return demo;
  }

  private constructor(private readonly options: DemoGitOpsRepositoryOptions) {
    this.repository = LocalGitOpsRepository.forPromotions(options.path);
  }

  /** Adds the missing values files in one commit; returns how many. */
  async seed(): Promise<number> {
    const { catalog, auth, store, environments, logger } = this.options;
    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`metadata.annotations.${DELIVERY_GITOPS_PATH_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const entities = items.filter(isDeliveryEnabled);
    const running = new Map(
      (
        await store.getLatestDeployments({
          entityRefs: entities.map(entity => normalizeEntityRef(entity)),
          succeededOnly: true,
        })
      ).map(d => [`${d.entityRef}|${d.environment}`, d.version]),
    );

    const files: Array<{ path: string; content: string }> = [];
    for (const entity of entities) {
      const folder = getDeliveryGitOpsPath(entity)!;
      const entityRef = normalizeEntityRef(entity);
      for (const environment of environmentsForEntity(environments, entity)) {
        const version = running.get(`${entityRef}|${environment.name}`);
        const path = `${folder}/values-${environment.name}.yaml`;
        if (version && (await this.repository.readFile(path)) === undefined) {
          files.push({
            path,
            content: demoValuesFile(entity, environment, version),
          });
        }
      }
    }
    if (files.length > 0) {
      await this.repository.propose({
        files,
        message: `Add the values files of ${files.length} service environments\n\nThe image tags are the versions running there.\n`,
      });
      logger.info(
        `Added ${files.length} values files to the demo GitOps repository in ${this.repository.dir}`,
      );
    }
    return files.length;
  }
}
