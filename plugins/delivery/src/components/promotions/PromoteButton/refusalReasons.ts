import { PromotionPreview } from '@domain-delivery/backstage-plugin-delivery-common';
import { formatDuration } from '@domain-delivery/backstage-plugin-delivery-common';
import { formatAbsoluteTime } from '../../shared/RelativeTime/relativeTime';

/**
 * Why a promotion cannot be requested now, one sentence per refusing rule:
 * the freeze window and the soak time say until when in the reader's time
 * zone; every other rule says it in the backend's words.
 */
export function refusalReasons(
  preview: PromotionPreview,
  environmentTitle: string,
): string[] {
  return preview.violations.map(violation => {
    if (violation.rule === 'freeze_window' && preview.freeze) {
      const { until, reason } = preview.freeze;
      return `${environmentTitle} is frozen until ${formatAbsoluteTime(
        new Date(until),
      )}${reason ? ` (${reason})` : ''}.`;
    }
    if (violation.rule === 'soak_time' && preview.soak?.readyAt) {
      const { readyAt, requiredSeconds } = preview.soak;
      return `${preview.version} is still soaking in ${
        preview.sourceEnvironment
      }: ready for ${environmentTitle} at ${formatAbsoluteTime(
        new Date(readyAt),
      )} (minimum ${formatDuration(requiredSeconds)}).`;
    }
    if (violation.rule === 'halt') {
      // "all promotions are halted since … by …: reason"
      const { message } = violation;
      return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    }
    return `${violation.message}.`;
  });
}
