import { createBackendModule } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  PromotionExecutionRequest,
  deliveryExecutorsExtensionPoint,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { startPromotionBackend } from './startPromotionBackend';

type Backend = Awaited<ReturnType<typeof startPromotionBackend>>;

/**
 * An executor of type `recording` that records each execution in `executed`
 * (shared by every backend it is added to) and succeeds.
 */
export function recordingExecutor(executed: PromotionExecutionRequest[]) {
  return createBackendModule({
    pluginId: 'delivery',
    moduleId: 'recording-executor',
    register(env) {
      env.registerInit({
        deps: { executors: deliveryExecutorsExtensionPoint },
        async init({ executors }) {
          executors.addExecutor({
            type: 'recording',
            async execute(request: PromotionExecutionRequest) {
              executed.push(request);
              return {
                message: `${request.version} runs in ${request.environment}`,
                commitSha: `gitops-${request.version}`,
              };
            },
          });
        },
      });
    },
  });
}

/** Quick checks: every interval a millisecond, so that tests need not wait. */
export const QUICKLY = { milliseconds: 1 };

/**
 * dev → staging → prod with the recording executor, no approvals and no
 * soak time; staging and prod verify with what is given.
 */
export function verifiedEnvironments(verification: {
  staging?: JsonObject;
  prod?: JsonObject;
  prodPromotion?: JsonObject;
}): JsonObject[] {
  const executor = { type: 'recording' };
  return [
    { name: 'dev', executor },
    {
      name: 'staging',
      promotion: { from: 'dev' },
      executor,
      ...(verification.staging && { verification: verification.staging }),
    },
    {
      name: 'prod',
      production: true,
      promotion: {
        from: 'staging',
        requiredApprovals: 0,
        ...verification.prodPromotion,
      },
      executor,
      ...(verification.prod && { verification: verification.prod }),
    },
  ];
}

/** The entity's latest deployment into the environment, as `GET /deployments` answers it. */
export async function latestDeployment(
  backend: Backend,
  entityRef: string,
  environment: string,
): Promise<Deployment> {
  const { body } = await backend.engineer.get(
    `/deployments?entityRef=${encodeURIComponent(
      entityRef,
    )}&environment=${environment}&limit=1`,
  );
  return body.items[0];
}

/**
 * Runs the verification task on the backends in turn until the latest
 * deployment's verification is no longer running; answers that deployment.
 */
export async function verifyUntilDone(
  backends: Backend[],
  entityRef: string,
  environment: string,
  timeoutMs = 15_000,
): Promise<Deployment> {
  const deadline = Date.now() + timeoutMs;
  for (let turn = 0; ; turn++) {
    await backends[turn % backends.length].runVerificationTask();
    const deployment = await latestDeployment(
      backends[0],
      entityRef,
      environment,
    );
    if (
      deployment?.verification?.state !== 'running' ||
      Date.now() > deadline
    ) {
      return deployment;
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}
