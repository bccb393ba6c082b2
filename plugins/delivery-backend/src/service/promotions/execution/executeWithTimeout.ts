import {
  PromotionExecutionRequest,
  PromotionExecutionResult,
  PromotionExecutor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { formatDuration } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * Runs the executor; throws when it takes longer than the timeout (its abort
 * signal is then raised).
 */
export async function executeWithTimeout(
  executor: PromotionExecutor,
  request: PromotionExecutionRequest,
  timeoutMs: number,
): Promise<PromotionExecutionResult> {
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
