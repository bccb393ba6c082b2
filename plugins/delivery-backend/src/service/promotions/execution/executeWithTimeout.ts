import { NotFoundError } from '@backstage/errors';
import {
  PromotionExecutionRequest,
  PromotionExecutionResult,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { PromotionExecutorRegistry } from '../../../executors/PromotionExecutorRegistry';
import { formatDuration } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * Runs the request's executor; throws when none is installed for its type, or
 * when it takes longer than the timeout (its abort signal is then raised).
 */
export async function executeWithTimeout(
  executors: PromotionExecutorRegistry,
  request: PromotionExecutionRequest,
  timeoutMs: number,
): Promise<PromotionExecutionResult> {
  const executor = executors.get(request.executor.type);
  if (!executor) {
    throw new NotFoundError(
      `No promotion executor of type '${request.executor.type}' is installed for ${request.environment}`,
    );
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new Error(
          `The ${executor.type} executor did not finish within ${formatDuration(
            timeoutMs / 1000,
            { exact: true },
          )}`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      executor.execute({ ...request, signal: controller.signal }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
