import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ExecutorConfig,
  getArgoCdApplicationName,
  DELIVERY_ARGOCD_APP_ANNOTATION,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
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

/** The parts of an Argo CD `Application` this executor reads. */
interface ArgoCdApplication {
  operation?: unknown;
  status?: {
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      syncResult?: { revision?: string };
    };
  };
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
    const requestedAt = Date.now();
    await this.call(options, name, '/sync', {
      method: 'POST',
      body: JSON.stringify({ prune: options.prune, dryRun: false }),
      signal: request.signal,
    });

    const deadline = requestedAt + options.timeoutMs;
    for (;;) {
      const app: ArgoCdApplication = await this.call(options, name, '', {
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
          url: `${options.baseUrl}/applications/${encodeURIComponent(name)}`,
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

  private async call(
    options: ArgoCdOptions,
    name: string,
    suffix: string,
    init: { method?: string; body?: string; signal?: AbortSignal },
  ): Promise<any> {
    const url = `${options.baseUrl}/api/v1/applications/${encodeURIComponent(
      name,
    )}${suffix}`;
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${options.token}`,
        Accept: 'application/json',
        ...(init.body && { 'Content-Type': 'application/json' }),
      },
      ...(init.body && { body: init.body }),
      ...(init.signal && { signal: init.signal }),
    });
    const text = await response.text();
    let body: any = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.status === 404) {
      throw new NotFoundError(
        `Argo CD at ${options.baseUrl} has no application ${name}`,
      );
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `Argo CD answered ${init.method ?? 'GET'} ${url} with ${
          response.status
        }: ${
          body?.message ??
          body?.error ??
          (text.slice(0, 200) || response.statusText)
        }`,
      );
    }
    return body;
  }
}
