import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { deliveryPermissions } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DeliveryEventSource,
  DeploymentGate,
  deliveryDeploymentGatesExtensionPoint,
  deliveryEventSourcesExtensionPoint,
  deliveryExecutorsExtensionPoint,
  gitHubClientsServiceRef,
  readDeliveryEnvironments,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { readDoraSettings } from './config/readDoraSettings';
import { DatabaseApplicationStatusStore } from './database/applications/DatabaseApplicationStatusStore';
import { DatabaseDeliveryStore } from './database/DatabaseDeliveryStore';
import { DatabaseDoraStore } from './database/dora/DatabaseDoraStore';
import { RememberedDoraStore } from './database/dora/RememberedDoraStore';
import { DatabasePipelineRunStore } from './database/pipelines/DatabasePipelineRunStore';
import { DatabaseVerificationStore } from './database/verifications/DatabaseVerificationStore';
import { EnvironmentExecutors } from './executors/EnvironmentExecutors';
import { logExecutorProblems } from './executors/logExecutorProblems';
import { PromotionExecutorRegistry } from './executors/PromotionExecutorRegistry';
import { createRouter } from './router';
import { DeploymentsService } from './service/deployments/DeploymentsService';
import { DomainMatrixService } from './service/environments/DomainMatrixService';
import { DoraService } from './service/dora/DoraService';
import { recentChangeFailureRate } from './service/dora/recentChangeFailureRate';
import { DeploymentReadAccess } from './service/access/DeploymentReadAccess';
import { createRememberedAnswers } from './service/answers/createRememberedAnswers';
import { EntityCatalog } from './service/catalog/EntityCatalog';
import { ScopedEntities } from './service/catalog/ScopedEntities';
import { EnvironmentStatusService } from './service/environments/EnvironmentStatusService';
import { IncidentsService } from './service/incidents/IncidentsService';
import { IngestionService } from './service/ingestion/IngestionService';
import { PipelineHealthService } from './service/pipelines/PipelineHealthService';
import { DeliverySignals } from './service/signals/DeliverySignals';
import { createDeploymentVerification } from './service/verification/createDeploymentVerification';
import { VerificationQueue } from './service/verification/VerificationQueue';
import {
  addBuiltInExecutors,
  createPromotionEngine,
} from './service/promotions/createPromotionEngine';

/**
 * The Domain Delivery backend plugin: the REST API under `/api/delivery`.
 *
 * @public
 */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    const executors = new PromotionExecutorRegistry();
    env.registerExtensionPoint(deliveryExecutorsExtensionPoint, {
      addExecutor(...added) {
        added.forEach(executor => executors.add(executor));
      },
    });
    const eventSources = new Map<string, DeliveryEventSource>();
    env.registerExtensionPoint(deliveryEventSourcesExtensionPoint, {
      addEventSource(...added) {
        for (const source of added) {
          const name = source.getSourceName();
          if (eventSources.has(name)) {
            throw new ConflictError(
              `A delivery event source named '${name}' is already installed; each name can only be added once`,
            );
          }
          eventSources.set(name, source);
        }
      },
    });
    const gates = new Map<string, DeploymentGate>();
    env.registerExtensionPoint(deliveryDeploymentGatesExtensionPoint, {
      addDeploymentGate(...added) {
        for (const gate of added) {
          const name = gate.getGateName();
          if (gates.has(name)) {
            throw new ConflictError(
              `A deployment gate named '${name}' is already installed; each name can only be added once`,
            );
          }
          gates.set(name, gate);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalogService: catalogServiceRef,
        userInfo: coreServices.userInfo,
        instanceMetadata: coreServices.rootInstanceMetadata,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        signals: signalsServiceRef,
        githubClients: gitHubClientsServiceRef,
        auditor: coreServices.auditor,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        database,
        scheduler,
        auth,
        catalogService,
        userInfo,
        instanceMetadata,
        lifecycle,
        notifications,
        signals,
        githubClients,
        auditor,
      }) {
        const environments = readDeliveryEnvironments(config);
        permissionsRegistry.addPermissions(deliveryPermissions);

        addBuiltInExecutors(executors, config, githubClients);
        const environmentExecutors = new EnvironmentExecutors(
          environments,
          executors,
        );
        logExecutorProblems(logger, config, environmentExecutors);

        const deliverySignals = new DeliverySignals({ signals, logger });
        const store = await DatabaseDeliveryStore.create({
          database,
          dora: readDoraSettings(config, environments),
          onDeploymentsChanged: changed =>
            deliverySignals.deploymentsChanged(changed),
          logger,
        });
        lifecycle.addShutdownHook(() => store.stopDoraRebuild());
        const catalog = new EntityCatalog(catalogService, auth, {
          rememberAnswers: true,
        });
        const verificationStore = await DatabaseVerificationStore.create({
          database,
        });
        const verificationQueue = new VerificationQueue({
          store: verificationStore,
          environments,
          logger,
        });
        const pipelineRuns = await DatabasePipelineRunStore.create({
          database,
        });
        const ingestion = new IngestionService({
          store,
          pipelineRuns,
          environments,
          onDeploymentsStored: deployments =>
            verificationQueue.deploymentsStored(deployments),
        });
        const applicationStatuses = await DatabaseApplicationStatusStore.create(
          { database },
        );
        // Sources of other modules feed the same ingestion as POST /events.
        for (const source of eventSources.values()) {
          await source.connect({
            environments,
            ingest: events => ingestion.ingest(events),
            recordApplicationStatuses: statuses =>
              applicationStatuses.record(statuses),
          });
        }
        // The scopes of DORA, incidents and the deployment history resolve alike.
        const readAccess = new DeploymentReadAccess(permissions, {
          rememberDecisions: true,
        });
        const scoped = new ScopedEntities(catalog, readAccess);
        const answers = await createRememberedAnswers({ database, scheduler });
        const dora = new DoraService(
          new RememberedDoraStore(
            await DatabaseDoraStore.create({ database }),
            answers,
          ),
          scoped,
        );
        const promotionEngine = await createPromotionEngine({
          config,
          logger,
          database,
          scheduler,
          auth,
          userInfo,
          catalogService,
          catalog,
          notifications,
          instanceMetadata,
          environments,
          executors: environmentExecutors,
          deliveryStore: store,
          ingestion,
          signals: deliverySignals,
          changeFailureRate: recentChangeFailureRate(dora),
          verifications: verificationStore,
          gates,
        });
        // Gates ask once the engine that judges their requests is ready.
        for (const [name, gate] of gates) {
          await gate.connect({
            environments,
            request: request => promotionEngine.gates.request(name, request),
          });
        }
        await createDeploymentVerification({
          store: verificationStore,
          deliveryStore: store,
          environments,
          ingestion,
          promotionEngine,
          catalogService,
          auth,
          scheduler,
          signals: deliverySignals,
          logger,
        });
        // Executions under way finish (or time out) before the backend stops.
        lifecycle.addShutdownHook(() => promotionEngine.execution.idle());
        lifecycle.addShutdownHook(() => promotionEngine.gateAnswers.idle());
        // A liveness probe carries no token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            auditor,
            environments,
            ingestion,
            readAccess,
            deployments: new DeploymentsService(
              store,
              scoped,
              verificationStore,
              answers,
            ),
            environmentStatus: new EnvironmentStatusService({
              store,
              environments,
              catalog,
              verifications: verificationStore,
              applicationStatuses,
              answers,
            }),
            domainMatrix: new DomainMatrixService({
              store,
              environments,
              catalog,
              answers,
            }),
            dora,
            incidents: new IncidentsService(store, scoped),
            pipelineHealth: new PipelineHealthService(pipelineRuns, scoped),
            promotions: promotionEngine,
            eventsBodyLimit: config.getOptional<string | number>(
              'delivery.events.maxBodySize',
            ),
          }),
        );
      },
    });
  },
});
