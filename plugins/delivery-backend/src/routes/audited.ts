import { AuditorService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs an administrative change as an event of Backstage's audit trail (the
 * auditor service): who did what, from which request, and whether it worked.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: { eventId: string; request: Request; meta: JsonObject },
  change: () => Promise<T>,
  outcome: (result: T) => JsonObject = () => ({}),
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: 'high',
    request: options.request,
    meta: options.meta,
  });
  try {
    const result = await change();
    await event.success({ meta: outcome(result) });
    return result;
  } catch (error) {
    await event.fail({
      error: isError(error) ? error : new Error(String(error)),
    });
    throw error;
  }
}
