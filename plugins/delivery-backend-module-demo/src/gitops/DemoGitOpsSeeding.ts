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
  IMAGE_TAG_KEY_PATH,
  isDeliveryEnabled,
  normalizeEntityRef,
  valuesFilePath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  LocalGitOpsRepository,
  setImageTag,
  valuesFileHeader,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { Document, parseDocument } from 'yaml';
import { DemoOwnedFiles } from './demoOwnedFiles';

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

/** A values file the seeding writes: its path and content. */
interface ValuesFileWrite {
  path: string;
  content: string;
}

/**
 * Seeds the demo's local GitOps repository: creates it at start when missing,
 * then a task gives it one values file per delivery-enabled component and
 * environment (`<gitops-path>/values-<environment>.yaml`) and a README. The
 * image tag is the version the demo history says runs there: a missing file
 * is added with it, and a file the demo owns (see {@link DemoOwnedFiles})
 * whose tag differs, e.g. one from an earlier day's start, is given it in a
 * commit on top, so the promotion dialog's diff starts from the version the
 * history shows and earlier promotions stay in the repository's history.
 */
export class DemoGitOpsSeeding {
  /** The id of the scheduled task that writes the values files. */
  static readonly TASK_ID = 'delivery-demo-gitops';

  private readonly repository: LocalGitOpsRepository;

  /** Creates the repository when missing and schedules the task. */
  static async create(
    options: DemoGitOpsSeedingOptions,
  ): Promise<DemoGitOpsSeeding> {
    const { repository } = options;
    if (await repository.create()) {
      options.logger.info(
        `Created the demo GitOps repository in ${repository.dir}`,
      );
    }
    // Before the backend serves anyone, so no promotion precedes the start.
    const demo = new DemoGitOpsSeeding(
      options,
      await DemoOwnedFiles.atStart(repository),
    );
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

  private constructor(
    private readonly options: DemoGitOpsSeedingOptions,
    private readonly owned: DemoOwnedFiles,
  ) {
    this.repository = options.repository;
  }

  /**
   * Adds the missing values files (and the README when it is missing) in one
   * commit, then sets the image tags that differ from the history in the
   * files the demo owns in another; answers how many files each changed.
   */
  async seed(): Promise<{ added: number; retagged: number }> {
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
    const missing: ValuesFileWrite[] = [];
    const retags: Array<ValuesFileWrite & { before: string }> = [];
    for (const entity of entities) {
      const folder = getDeliveryGitOpsPath(entity)!;
      const delivered = environmentsForEntity(environments, entity);
      const running = this.options.runningVersions(
        normalizeEntityRef(entity),
        delivered,
      );
      for (const environment of delivered) {
        const version = running.get(environment.name);
        if (!version) {
          continue;
        }
        const path = valuesFilePath(folder, environment.name);
        const file = await this.repository.readFile(path);
        if (file === undefined) {
          missing.push({
            path,
            content: demoValuesFile(entity, environment, version),
          });
          continue;
        }
        const before = file.content.toString('utf8');
        if (imageTagOf(before) !== version && (await this.owned.owns(file))) {
          const service =
            getDeliveryServiceName(entity) ?? entity.metadata.name;
          try {
            retags.push({
              path: file.path,
              before,
              content: setImageTag(before, version, {
                path,
                subject: service,
                environment: environment.name,
              }),
            });
          } catch (error) {
            // A file edited by hand into something else than values is left alone.
            logger.warn(
              `The demo left the image tag of ${path} as it is: ${error}`,
            );
          }
        }
      }
    }

    const added = await this.addMissing(missing);
    const retagged = await this.retag(retags);
    if (added > 0) {
      logger.info(
        `Added ${added} values files to the demo GitOps repository in ${this.repository.dir}`,
      );
    }
    if (retagged > 0) {
      logger.info(
        `Set the image tag of ${retagged} values files in the demo GitOps repository in ${this.repository.dir} to the versions the demo history runs there`,
      );
    }
    return { added, retagged };
  }

  private async addMissing(files: ValuesFileWrite[]): Promise<number> {
    const readme = (await this.repository.readFile(README.path)) === undefined;
    if (files.length === 0 && !readme) {
      return 0;
    }
    const proposal = await this.repository.propose({
      // A file that a promotion wrote in the meantime is kept as it is.
      files: (readme ? [README, ...files] : files).map(file => ({
        path: file.path,
        content: (before: string | undefined) => before ?? file.content,
      })),
      message:
        files.length > 0
          ? `Add the values files of ${serviceEnvironments(
              files.length,
            )}\n\nThe image tags are the versions running there.\n`
          : 'Say what the GitOps repository stands in for\n',
    });
    return this.recordWritten(proposal.files, files);
  }

  private async retag(
    files: Array<ValuesFileWrite & { before: string }>,
  ): Promise<number> {
    if (files.length === 0) {
      return 0;
    }
    const proposal = await this.repository.propose({
      // A file that a promotion changed in the meantime is kept as it is.
      files: files.map(file => ({
        path: file.path,
        content: (before: string | undefined) =>
          before === file.before ? file.content : before ?? file.content,
      })),
      message: `Set the image tags of ${serviceEnvironments(
        files.length,
      )} to the versions running there\n\nThe demo's delivery history says which version runs in each environment;\nvalues files changed since the backend started are kept.\n`,
    });
    return this.recordWritten(proposal.files, files);
  }

  // Which of the files the commit wrote as the demo meant to, remembered as the demo's.
  private recordWritten(
    written: Array<{ path: string; after: string; diff?: string }>,
    files: ValuesFileWrite[],
  ): number {
    let count = 0;
    for (const file of files) {
      const result = written.find(diff => diff.path === file.path);
      if (result && result.after === file.content && result.diff !== '') {
        this.owned.wrote(file.path, file.content);
        count++;
      }
    }
    return count;
  }
}

/** The image tag a values file holds, if it holds one. */
function imageTagOf(content: string): string | undefined {
  const tag = parseDocument(content).getIn(IMAGE_TAG_KEY_PATH);
  return tag === undefined || tag === null ? undefined : String(tag);
}

/** "1 service environment", "3 service environments". */
function serviceEnvironments(count: number): string {
  return `${count} service environment${count === 1 ? '' : 's'}`;
}
