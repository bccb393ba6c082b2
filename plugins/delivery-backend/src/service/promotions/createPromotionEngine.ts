import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootInstanceMetadataService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DeploymentGate,
  GitHubClientFactory,
  PromotionExecutor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { readPromotionSettings } from '../../config/readPromotionSettings';
import { DatabasePromotionStore } from '../../database/promotions/DatabasePromotionStore';
import { DeliveryStore } from '../../database/DeliveryStore';
import { ArgoCdSyncExecutor } from '../../executors/argocd-sync/ArgoCdSyncExecutor';
import { GitHubPullRequestExecutor } from '../../executors/github-pr/GitHubPullRequestExecutor';
import { GitOpsLocalExecutor } from '../../executors/gitops-local/GitOpsLocalExecutor';
import { PromotionExecutorRegistry } from '../../executors/PromotionExecutorRegistry';
import { EnvironmentExecutors } from '../../executors/EnvironmentExecutors';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { FreezeWindowService } from './freezeWindows/FreezeWindowService';
import { HaltService } from './halts/HaltService';
import { IngestionService } from '../ingestion/IngestionService';
import {
  ChangeFailureRateSource,
  PromotionPreviewService,
} from './PromotionPreviewService';
import { PromotionService } from './PromotionService';
import { PromotionExecution } from './execution/PromotionExecution';
import { VersionHistory } from './VersionHistory';
import { PromotionNotifier } from './PromotionNotifier';
import { PromotionPolicy } from './PromotionPolicy';
import { PromotionTransitions } from './PromotionTransitions';
import { DeliverySignals } from '../signals/DeliverySignals';
import { VerificationStore } from '../../database/verifications/VerificationStore';
import { DeploymentGateAnswers } from './gates/DeploymentGateAnswers';
import { DeploymentGateRequests } from './gates/DeploymentGateRequests';

/**
 * Adds the built-in executors (`gitops-local`, `github-pr`, `argocd-sync`),
 * each unless a module already added one of its type. They carry out
 * promotions only into environments whose `executor` names them.
 */
export function addBuiltInExecutors(
  executors: PromotionExecutorRegistry,
  config: Config,
  githubClients: GitHubClientFactory,
): void {
  const { gitopsLocalPath } = readPromotionSettings(config);
  const builtIns: PromotionExecutor[] = [
    new GitOpsLocalExecutor(gitopsLocalPath),
    new GitHubPullRequestExecutor({ clients: githubClients }),
    new ArgoCdSyncExecutor(),
  ];
  for (const executor of builtIns) {
    if (!executors.get(executor.type)) {
      executors.add(executor);
    }
  }
}

/** The promotion engine's services, wired together. */
export interface PromotionEngine {
  promotions: PromotionService;
  notifier: PromotionNotifier;
  preview: PromotionPreviewService;
  freezeWindows: FreezeWindowService;
  halts: HaltService;
  execution: PromotionExecution;
  /** The requests of deployment gates (e.g. GitHub's protection rules). */
  gates: DeploymentGateRequests;
  /** Answering the gates; idle once every answer under way is given. */
  gateAnswers: DeploymentGateAnswers;
}

/**
 * Creates the promotion engine: migrates its tables and schedules the
 * execution task.
 */
export async function createPromotionEngine(options: {
  config: Config;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  auth: AuthService;
  userInfo: UserInfoService;
  catalogService: CatalogService;
  catalog: EntityCatalog;
  notifications: NotificationService;
  instanceMetadata: RootInstanceMetadataService;
  environments: Environment[];
  executors: EnvironmentExecutors;
  deliveryStore: DeliveryStore;
  ingestion: IngestionService;
  signals: DeliverySignals;
  /** Where deployments' verifications are kept, for the `verified_in_source` rule. */
  verifications: VerificationStore;
  /** The target environment's recent change failure rate, for the promotion dialog. */
  changeFailureRate?: ChangeFailureRateSource;
  /** The installed deployment gates, by name. */
  gates?: ReadonlyMap<string, DeploymentGate>;
}): Promise<PromotionEngine> {
  const { config, logger, environments, executors, catalog } = options;
  const settings = readPromotionSettings(config);

  const store = await DatabasePromotionStore.create({
    database: options.database,
  });
  const transitions = new PromotionTransitions({
    store,
    signals: options.signals,
  });
  const history = new VersionHistory(options.deliveryStore);
  const freezeWindows = new FreezeWindowService({ store, environments });
  const notifier = new PromotionNotifier({
    notifications: options.notifications,
    logger,
    enabled: settings.notificationsEnabled,
    instanceMetadata: options.instanceMetadata,
  });
  const halts = new HaltService({
    store,
    catalog,
    auth: options.auth,
    notifier,
    signals: options.signals,
  });
  const policy = new PromotionPolicy({
    environments,
    history,
    store,
    freezeWindows,
    executors,
    halts,
    verifications: options.verifications,
  });
  const execution = new PromotionExecution({
    store,
    transitions,
    history,
    policy,
    ingestion: options.ingestion,
    environments,
    executors,
    catalogService: options.catalogService,
    auth: options.auth,
    freezeWindows,
    halts,
    notifier,
    logger,
    executionTimeoutMs: settings.executionTimeoutMs,
  });
  await execution.schedule(options.scheduler, {
    milliseconds: settings.executionFrequencyMs,
  });
  const gateAnswers = new DeploymentGateAnswers({
    store,
    transitions,
    freezeWindows,
    halts,
    gates: options.gates ?? new Map(),
    logger,
  });
  await gateAnswers.schedule(options.scheduler, {
    milliseconds: settings.executionFrequencyMs,
  });
  const promotions = new PromotionService({
    store,
    transitions,
    catalog,
    policy,
    execution,
    gateAnswers,
    notifier,
    userInfo: options.userInfo,
  });

  return {
    promotions,
    gates: new DeploymentGateRequests({
      requests: promotions.gateRequests,
      answers: gateAnswers,
      catalog,
      auth: options.auth,
      environments,
    }),
    gateAnswers,
    preview: new PromotionPreviewService({
      catalog,
      policy,
      history,
      executors,
      changeFailureRate: options.changeFailureRate,
    }),
    freezeWindows,
    halts,
    execution,
    notifier,
  };
}
