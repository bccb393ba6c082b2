import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ExecutorConfig,
  getArgoCdApplicationName,
  DELIVERY_ARGOCD_APP_ANNOTATION,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  ArgoCdClient,
  PromotionChangeRequest,
  PromotionExecutionPreview,
  PromotionExecutionRequest,
  PromotionExecutionResult,
  PromotionExecutor,
} from '@domain-delivery/backstage-plugin-delivery-node';

/** The executor type. */
export const ARGOCD_SYNC_EXECUTOR_TYPE = 'argocd-sync';

const FINAL_PHASES = new Set(['Succeeded', 'Failed', 'Error']);

// An operation that started this long before the sync request still counts
// as the one it started, allowing for clocks that differ between hosts.
const CLOCK_SKEW_MS = 60_000;

interface ArgoCdOptions {
  baseUrl: string;
  token: string;
  appName?: string;
  timeoutMs: number;
  pollIntervalMs: number;
  prune: boolean;
}

function readOptions(executor: ExecutorConfig): ArgoCdOptions {
  const text = (key: string) => {
    const value = executor[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InputError(
        `The argocd-sync executor option ${key} must be a non-empty string`,
      );
    }
    return value.trim();
  };
  const seconds = (key: string, fallback: number) => {
    const value = executor[key] ?? fallback;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new InputError(
        `The argocd-sync executor option ${key} must be a positive number of seconds`,
      );
    }
    return value * 1000;
  };
  const prune = executor.prune ?? false;
  if (typeof prune !== 'boolean') {
    throw new InputError(
      'The argocd-sync executor option prune must be true or false',
    );
  }
  return {
    baseUrl: text('baseUrl').replace(/\/+$/, ''),
    token: text('token'),
    ...(executor.appName !== undefined && { appName: text('appName') }),
    timeoutMs: seconds('timeoutSeconds', 300),
    pollIntervalMs: seconds('pollIntervalSeconds', 5),
    prune,
  };
}

function applicationName(
  request: PromotionChangeRequest,
  options: ArgoCdOptions,
): string {
  const name = options.appName
    ? options.appName.replace(/\{environment\}/g, request.environment)
    : getArgoCdApplicationName(request.entity, request.environment);
  if (!name) {
    throw new InputError(
      `${request.entityRef} has no ${DELIVERY_ARGOCD_APP_ANNOTATION} annotation and the executor names no appName`,
    );
  }
  return name;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new Error('The sync was aborted'));
      },
      { once: true },
    );
  });
}

/**
 * Asks an Argo CD instance to sync the entity's application for the
 * environment, then follows the operation until it succeeds, fails or takes
 * too long.
 */
export class ArgoCdSyncExecutor implements PromotionExecutor {
  readonly type = ARGOCD_SYNC_EXECUTOR_TYPE;

  async execute(
    request: PromotionExecutionRequest,
  ): Promise<PromotionExecutionResult> {
    const options = readOptions(request.executor);
    const name = applicationName(request, options);
    const argoCd = new ArgoCdClient(options);
    const requestedAt = Date.now();
    await argoCd.syncApplication(name, {
      prune: options.prune,
      signal: request.signal,
    });

    const deadline = requestedAt + options.timeoutMs;
    for (;;) {
      const app = await argoCd.getApplication(name, {
        signal: request.signal,
      });
      const state = app.status?.operationState;
      const ours =
        !app.operation &&
        state?.startedAt !== undefined &&
        Date.parse(state.startedAt) >= requestedAt - CLOCK_SKEW_MS;
      if (ours && state?.phase && FINAL_PHASES.has(state.phase)) {
        if (state.phase !== 'Succeeded') {
          throw new ConflictError(
            `The Argo CD sync of ${name} ended ${state.phase}: ${
              state.message ?? 'no message'
            }`,
          );
        }
        const revision = state.syncResult?.revision;
        return {
          url: argoCd.applicationUrl(name),
          ...(revision && { commitSha: revision }),
          message: `Argo CD synced ${name}${
            revision ? ` to revision ${revision.slice(0, 7)}` : ''
          }`,
        };
      }
      if (Date.now() + options.pollIntervalMs > deadline) {
        throw new ServiceUnavailableError(
          `The Argo CD sync of ${name} did not finish within ${
            options.timeoutMs / 1000
          } seconds (last phase: ${state?.phase ?? 'none'})`,
        );
      }
      await sleep(options.pollIntervalMs, request.signal);
    }
  }

  async preview(
    request: PromotionChangeRequest,
  ): Promise<PromotionExecutionPreview> {
    const options = readOptions(request.executor);
    return {
      description: `Asks Argo CD at ${
        options.baseUrl
      } to sync the application ${applicationName(
        request,
        options,
      )}; the application's source must already carry ${request.version}`,
      files: [],
    };
  }
}
