import { InputError } from '@backstage/errors';
import { EventIngestionResult } from '@domain-delivery/backstage-plugin-delivery-common';

function describe(result: EventIngestionResult): string {
  const total = result.accepted.length + result.rejected.length;
  const examples = result.rejected
    .slice(0, 3)
    .map(({ index, field, reason }) => `event ${index}: ${field} ${reason}`)
    .join('; ');
  const more = result.rejected.length > 3 ? '; …' : '';
  return `${result.rejected.length} of ${total} events were rejected, the others were stored (${examples}${more})`;
}

/**
 * Some events of a batch were rejected while the valid ones were stored. An `InputError`, so
 * Backstage's error handler answers 400; `accepted` and `rejected` are serialized with it, so the
 * reporter learns which ids were stored and why each other one was not.
 */
export class RejectedEventsError extends InputError {
  readonly accepted: string[];
  readonly rejected: EventIngestionResult['rejected'];

  constructor(result: EventIngestionResult) {
    super(describe(result));
    this.accepted = result.accepted;
    this.rejected = result.rejected;
  }
}
