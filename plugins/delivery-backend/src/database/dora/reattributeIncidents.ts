import { Knex } from 'knex';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import {
  insertIncidentAttributions,
  isIn,
  rowsOf,
  rowsTable,
} from './doraStatements';
import { IN_LIST_SIZE, chunks, eachChunk, inChunks } from '../chunks';
import {
  Millis,
  ProductionDeploymentAfter,
  ProductionDeploymentBefore,
} from './ingestedChanges';

/** An inclusive span of `opened_at` of one entity's incidents in one environment. */
interface OpenedSpan {
  entityRef: string;
  environment: string;
  from: number;
  to: number;
}

const millis = (value: Millis | null) =>
  value === null || value === undefined ? undefined : Number(value);

const spanKey = (span: OpenedSpan) =>
  JSON.stringify([span.entityRef, span.environment]);

// Overlapping spans of the same entity and environment become one, so that a
// batch of one entity's history reads its incidents once.
function mergeSpans(spans: OpenedSpan[]): OpenedSpan[] {
  const sorted = [...spans].sort((a, b) => {
    const [keyA, keyB] = [spanKey(a), spanKey(b)];
    return keyA === keyB
      ? a.from - b.from
      : Number(keyA > keyB) - Number(keyA < keyB);
  });
  const merged: OpenedSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && spanKey(last) === spanKey(span) && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

// The spans between the old and between the new neighbours (in the same
// environment) of the changed deployments, in which an incident that names no deployment may have opened.
function openedSpans(
  before: ProductionDeploymentBefore[],
  after: ProductionDeploymentAfter[],
): OpenedSpan[] {
  return mergeSpans([
    ...before.map(row => ({
      entityRef: row.entity_ref,
      environment: row.environment,
      from: millis(row.predecessor_finished_at) ?? -Infinity,
      to: millis(row.next_finished_at) ?? Infinity,
    })),
    ...after.map(row => ({
      entityRef: row.entity_ref,
      environment: row.environment,
      from: millis(row.predecessor_finished_at) ?? -Infinity,
      to: millis(row.successor_finished_at) ?? Infinity,
    })),
  ]);
}

/**
 * Attributes anew the incidents a change can affect: the changed ones, and
 * those that name or opened near a changed deployment, given where the
 * changed deployments were and are in the production history. Answers the
 * deployments those incidents were and are attributed to, with repeats.
 */
export async function reattributeIncidents(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
  changes: {
    incidentIds: string[];
    deploymentIds: string[];
    before: ProductionDeploymentBefore[];
    after: ProductionDeploymentAfter[];
  },
): Promise<string[]> {
  const { incidentIds, deploymentIds, before, after } = changes;
  const reattributed = await incidentsToReattribute(
    tx,
    settings.productionEnvironments,
    { incidentIds, deploymentIds, spans: openedSpans(before, after) },
  );
  const attributedTo = async (ids: string[]) => {
    const where = isIn(tx, 'incident_id', ids);
    return rowsOf<{ deployment_id: string }>(
      await tx.raw(
        `SELECT deployment_id FROM dora_incidents
         WHERE ${where.sql} AND deployment_id IS NOT NULL`,
        where.bindings,
      ),
    );
  };
  const targetsBefore = await inChunks(reattributed, attributedTo);
  await eachChunk(reattributed, ids => {
    const where = isIn(tx, 'incident_id', ids);
    return tx.raw(
      `DELETE FROM dora_incidents WHERE ${where.sql}`,
      where.bindings,
    );
  });
  await eachChunk(reattributed, ids =>
    insertIncidentAttributions(tx, settings, isIn(tx, 'i.id', ids)),
  );
  const targetsAfter = await inChunks(reattributed, attributedTo);
  return [...targetsBefore, ...targetsAfter].map(row => row.deployment_id);
}

// The incidents whose attribution may have changed: the changed ones, those
// that name a changed deployment, and those of its environment that name none
// and opened within a span between its old or new neighbours there.
async function incidentsToReattribute(
  tx: Knex.Transaction,
  environments: string[],
  options: {
    incidentIds: string[];
    deploymentIds: string[];
    spans: OpenedSpan[];
  },
): Promise<string[]> {
  const ids = new Set(options.incidentIds);
  const add = (rows: Array<{ id: string }>) =>
    rows.forEach(row => ids.add(row.id));
  const naming = (chunk: string[]) => {
    const where = isIn(tx, 'deployment_id', chunk);
    return {
      sql: `SELECT id FROM incidents WHERE ${where.sql}`,
      bindings: where.bindings,
    };
  };
  const production = isIn(tx, 'i.environment', environments);
  const opened = (chunk: OpenedSpan[]) => {
    // An unbounded side is ± 2^53.
    const spans = rowsTable(
      tx,
      'span',
      [
        { name: 'entity_ref', type: 'text' },
        { name: 'environment', type: 'text' },
        { name: 'opened_from', type: 'bigint' },
        { name: 'opened_to', type: 'bigint' },
      ],
      chunk.map(span => [
        span.entityRef,
        span.environment,
        Math.max(span.from, Number.MIN_SAFE_INTEGER),
        Math.min(span.to, Number.MAX_SAFE_INTEGER),
      ]),
    );
    // CROSS JOIN keeps SQLite to probing the incidents of each span.
    return {
      sql: `SELECT DISTINCT i.id FROM ${spans.sql} CROSS JOIN incidents i
         WHERE i.entity_ref = span.entity_ref
           AND i.environment = span.environment
           AND i.opened_at >= span.opened_from
           AND i.opened_at <= span.opened_to
           AND ${production.sql}
           AND i.deployment_id IS NULL`,
      bindings: [...spans.bindings, ...production.bindings],
    };
  };
  const { deploymentIds } = options;
  // Without production environments no deployment is in the history.
  const spans = environments.length > 0 ? options.spans : [];
  if (
    deploymentIds.length > 0 &&
    deploymentIds.length <= IN_LIST_SIZE &&
    spans.length > 0 &&
    spans.length <= IN_LIST_SIZE
  ) {
    // A batch's worth: both in one round trip.
    const [named, near] = [naming(deploymentIds), opened(spans)];
    add(
      rowsOf<{ id: string }>(
        await tx.raw(`${named.sql} UNION ${near.sql}`, [
          ...named.bindings,
          ...near.bindings,
        ]),
      ),
    );
    return [...ids];
  }
  for (const chunk of chunks(deploymentIds, IN_LIST_SIZE)) {
    const query = naming(chunk);
    add(rowsOf(await tx.raw(query.sql, query.bindings)));
  }
  for (const chunk of chunks(spans, IN_LIST_SIZE)) {
    const query = opened(chunk);
    add(rowsOf(await tx.raw(query.sql, query.bindings)));
  }
  return [...ids];
}
