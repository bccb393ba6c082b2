import { PipelineRunEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { PipelineRunConflict } from './PipelineRunStore';

/** Whether `incoming` replaces `current` of the same id: a run never goes back from completed. */
export function replacesRun(
  current: PipelineRunEvent,
  incoming: PipelineRunEvent,
): boolean {
  return incoming.status === 'completed' || current.status !== 'completed';
}

/** The suites of `current` with those `incoming` reports replacing theirs. */
export function mergedTests(
  current: PipelineRunEvent['tests'],
  incoming: PipelineRunEvent['tests'],
): PipelineRunEvent['tests'] {
  if (!current || !incoming) {
    return incoming ?? current;
  }
  const bySuite = new Map(current.map(suite => [suite.suite, suite]));
  for (const suite of incoming) {
    bySuite.set(suite.suite, suite);
  }
  return [...bySuite.values()];
}

/**
 * A batch reduced to one event per id, applied in order as the store applies
 * them (each suite as its last report says), sorted by id so
 * that concurrent batches lock rows in the same order. The first event of an
 * id decides its entity; a later one for another entity is a conflict.
 */
export function pipelineRunWinners(events: PipelineRunEvent[]): {
  winners: PipelineRunEvent[];
  positions: Map<string, number[]>;
  conflicts: PipelineRunConflict[];
} {
  const byId = new Map<string, PipelineRunEvent>();
  const positions = new Map<string, number[]>();
  const conflicts: PipelineRunConflict[] = [];
  events.forEach((event, index) => {
    const current = byId.get(event.id);
    if (!current) {
      byId.set(event.id, event);
      positions.set(event.id, [index]);
      return;
    }
    if (current.entityRef !== event.entityRef) {
      conflicts.push({
        index,
        id: event.id,
        ownerEntityRef: current.entityRef,
      });
      return;
    }
    positions.get(event.id)!.push(index);
    const winner = replacesRun(current, event) ? event : current;
    const tests = mergedTests(current.tests, event.tests);
    byId.set(event.id, { ...winner, ...(tests && { tests }) });
  });
  const winners = [...byId.values()].sort((x, y) =>
    x.id < y.id ? -1 : Number(x.id > y.id),
  );
  return { winners, positions, conflicts };
}
