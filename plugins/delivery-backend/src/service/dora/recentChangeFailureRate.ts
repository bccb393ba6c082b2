import { ChangeFailureRateSource } from '../promotions/PromotionPreviewService';
import { DoraService } from './DoraService';
import { doraWindow } from './DoraWindow';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far back the promotion dialog's change failure rate looks. */
export const RECENT_CHANGE_FAILURE_DAYS = 30;

/**
 * The change failure rate the promotion dialog shows for a target
 * environment: for a production environment, the entity's DORA change failure
 * rate over the last 30 days (`[now − 30 days, now)`, pooled over its
 * production environments), exactly as `GET /dora`
 * answers it; `null` when no production deployment finished in that window.
 *
 * For a non-production environment it is `null`: PRODUCT.md defines a failed
 * deployment through production incidents and the next production deployment,
 * and counts production environments only, so there is no change failure rate
 * of dev or staging to show (a share of failed rollouts there would be a
 * different number under the same name).
 */
export function recentChangeFailureRate(
  dora: DoraService,
  options: { now?: () => Date } = {},
): ChangeFailureRateSource {
  return async (entityRef, environment, credentials) => {
    if (!environment.production) {
      return null;
    }
    const to = (options.now?.() ?? new Date()).getTime();
    const from = to - RECENT_CHANGE_FAILURE_DAYS * DAY_MS;
    const { summary } = await dora.getMetrics(
      {
        // Any entity that is promoted is rated alone, whatever its kind.
        scope: { type: 'component', entityRef },
        // Weeks rather than days: only the window's total is read.
        window: doraWindow({ from, to, timeZone: 'UTC', bucket: 'week' }),
      },
      credentials,
    );
    return summary.changeFailureRate;
  };
}
