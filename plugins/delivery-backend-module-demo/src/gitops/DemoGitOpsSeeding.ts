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
  valuesFilePath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  LocalGitOpsRepository,
  valuesFileHeader,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { Document } from 'yaml';

/** What {@link DemoGitOpsSeeding.create} needs. */
export interface DemoGitOpsSeedingOptions {
  repository: LocalGitOpsRepository;
  logger: LoggerService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  environments: Environment[];
  /** The version an entity runs in each of the environments, by environment name. */
  runningVersions(
    entityRef: string,
    environments: Environment[],
  ): Map<string, string>;
}

/** What the repository stands in for, in its README. */
const README = {
  path: 'README.md',
  content:
    '# GitOps repository\n\nStands in for the GitOps repository of the Domain Delivery demo: every\npromotion changes `apps/<domain>/<service>/values-<environment>.yaml` in a\ncommit.\n',
};

/** The demo's values file of a service in an environment. */
export function demoValuesFile(
  entity: Entity,
  environment: Environment,
  version: string,
): string {
  const service = getDeliveryServiceName(entity) ?? entity.metadata.name;
  const document = new Document({
    // A plain scalar, as a person would write it; promotions keep its style.
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
  document.commentBefore = valuesFileHeader(service, environment.name);
  return document.toString();
}

/**
 * Seeds the demo's local GitOps repository: creates it at start when missing,
 * then a task gives it one values file per delivery-enabled component and
 * environment (`<gitops-path>/values-<environment>.yaml`, image tag = the
 * version running there at the end of the demo history) and a README, adding
 * only files that are missing.
 */
export class DemoGitOpsSeeding {
  /** The id of the scheduled task that adds missing values files. */
  static readonly TASK_ID = 'delivery-demo-gitops';

  private readonly repository: LocalGitOpsRepository;

  /** Creates the repository when missing and schedules the task. */
  static async create(
    options: DemoGitOpsSeedingOptions,
  ): Promise<DemoGitOpsSeeding> {
    const demo = new DemoGitOpsSeeding(options);
    if (await demo.repository.create()) {
      options.logger.info(
        `Created the demo GitOps repository in ${demo.repository.dir}`,
      );
    }
    // The disk is each replica's own, so every replica keeps its copy.
    await options.scheduler.scheduleTask({
      id: DemoGitOpsSeeding.TASK_ID,
      scope: 'local',
      frequency: { minutes: 5 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 20 },
      fn: async () => {
        await demo.seed();
      },
    });
    return demo;
  }

  private constructor(private readonly options: DemoGitOpsSeedingOptions) {
    this.repository = options.repository;
  }

  /**
   * Adds the missing values files, and the README when it is missing, in one
   * commit; returns how many values files.
   */
  async seed(): Promise<number> {
    const { catalog, auth, environments, logger } = this.options;
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

    await this.repository.create();
    const files: Array<{ path: string; content: string }> = [];
    for (const entity of entities) {
      const folder = getDeliveryGitOpsPath(entity)!;
      const delivered = environmentsForEntity(environments, entity);
      const running = this.options.runningVersions(
        normalizeEntityRef(entity),
        delivered,
      );
      for (const environment of delivered) {
        const version = running.get(environment.name);
        const path = valuesFilePath(folder, environment.name);
        if (version && (await this.repository.readFile(path)) === undefined) {
          files.push({
            path,
            content: demoValuesFile(entity, environment, version),
          });
        }
      }
    }
    const readme = (await this.repository.readFile(README.path)) === undefined;
    if (files.length === 0 && !readme) {
      return 0;
    }
    await this.repository.propose({
      // A file that a promotion wrote in the meantime is kept as it is.
      files: (readme ? [README, ...files] : files).map(file => ({
        path: file.path,
        content: (before: string | undefined) => before ?? file.content,
      })),
      message:
        files.length > 0
          ? `Add the values files of ${files.length} service environments\n\nThe image tags are the versions running there.\n`
          : 'Say what the GitOps repository stands in for\n',
    });
    if (files.length > 0) {
      logger.info(
        `Added ${files.length} values files to the demo GitOps repository in ${this.repository.dir}`,
      );
    }
    return files.length;
  }
}
