import {
  DoraTier,
  leadTimeTier,
  recoveryTier,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { aggregateByEntity } from './aggregateByEntity';
import { isPostgres, rowsOf } from './doraStatements';
import { DoraRating } from './DoraStore';
import { coversWholeUtcDays } from './everybodyByDay';

const NOT_RATED: DoraRating = {
  deployments: 0,
  failedDeployments: 0,
  leadTime: null,
  recovery: null,
};

// The tier of a median from how many of n values lie below each of the
// tier's boundaries (ascending; elite, high, medium): exactly the tier of
// percentile_cont(0.5), or undefined when the median straddles a boundary
// (its two middle values on either side) and only the values can tell.
function medianTier(n: number, below: number[]): DoraTier | null | undefined {
  if (n === 0) {
    return null;
  }
  const lower = Math.floor(0.5 * (n - 1));
  const upper = Math.ceil(0.5 * (n - 1));
  const tiers: DoraTier[] = ['elite', 'high', 'medium'];
  for (let i = 0; i < below.length; i++) {
    if (below[i] > upper) {
      // Both middle values below the boundary: so is the median.
      return tiers[i];
    }
    if (below[i] > lower) {
      return undefined;
    }
  }
  return 'low';
}

// The counts of dora_entity_totals, each a running total per entity.
const COUNTS = [
  'deployments',
  'failed',
  'recovered',
  'recovered_under_hour',
  'recovered_under_day',
  'recovered_under_week',
  'commits',
  'commits_under_day',
  'commits_under_week',
  'commits_under_month',
];

// An entity's totals up to the last day before an edge: one probe of the index.
const LAST_ROW_BEFORE = `
  SELECT ${COUNTS.join(', ')} FROM dora_entity_totals t
  WHERE t.entity_ref = e.entity_ref AND t.day < ?
  ORDER BY t.day DESC LIMIT 1`;

const tierOf = (
  ms: number | null,
  tier: (seconds: number | null) => DoraTier | null,
) => tier(ms === null ? null : ms / 1000);

/**
 * What rates each of these entities on its own over the window `[from, to)`:
 * its deployments and failed deployments, and the tier of its median lead
 * time and recovery time. Over whole UTC days on PostgreSQL, from the
 * running totals of `dora_entity_totals` (the window's counts are the totals
 * before its end less those before its start): the counts below each tier
 * boundary place a median in its tier exactly, and only an entity whose
 * median straddles a boundary has its values sorted. Else from the
 * window's rows, as {@link aggregateByEntity}. Every entity asked for has an
 * entry.
 */
export async function rateEntities(
  db: Knex,
  query: { from: number; to: number; entityRefs: string[] },
): Promise<Map<string, DoraRating>> {
  const { from, to, entityRefs } = query;
  const ratings = new Map<string, DoraRating>(
    entityRefs.map(ref => [ref, NOT_RATED]),
  );
  const fromValues = async (refs: string[]) => {
    const aggregates = await aggregateByEntity(db, {
      from,
      to,
      entityRefs: refs,
    });
    for (const [ref, aggregate] of aggregates) {
      ratings.set(ref, {
        deployments: aggregate.deployments,
        failedDeployments: aggregate.failedDeployments,
        leadTime: tierOf(aggregate.leadTimeMedianMs, leadTimeTier),
        recovery: tierOf(aggregate.recoveryMedianMs, recoveryTier),
      });
    }
  };
  if (entityRefs.length === 0) {
    return ratings;
  }
  if (!isPostgres(db) || !coversWholeUtcDays([from, to])) {
    await fromValues(entityRefs);
    return ratings;
  }

  const rows = rowsOf<{
    entity_ref: string;
    deployments: string;
    failed: string;
    recovered: string;
    recovered_under_hour: string;
    recovered_under_day: string;
    recovered_under_week: string;
    commits: string;
    commits_under_day: string;
    commits_under_week: string;
    commits_under_month: string;
  }>(
    await db.raw(
      `SELECT e.entity_ref, ${COUNTS.map(
        name => `upto.${name} - coalesce(before.${name}, 0) AS ${name}`,
      ).join(', ')}
       FROM unnest(?::text[]) AS e(entity_ref)
       CROSS JOIN LATERAL (${LAST_ROW_BEFORE}) upto
       LEFT JOIN LATERAL (${LAST_ROW_BEFORE}) before ON true`,
      [entityRefs, to, from],
    ),
  );
  const straddling: string[] = [];
  for (const row of rows) {
    const leadTime = medianTier(Number(row.commits), [
      Number(row.commits_under_day),
      Number(row.commits_under_week),
      Number(row.commits_under_month),
    ]);
    const recovery = medianTier(Number(row.recovered), [
      Number(row.recovered_under_hour),
      Number(row.recovered_under_day),
      Number(row.recovered_under_week),
    ]);
    if (leadTime === undefined || recovery === undefined) {
      straddling.push(row.entity_ref);
      continue;
    }
    ratings.set(row.entity_ref, {
      deployments: Number(row.deployments),
      failedDeployments: Number(row.failed),
      leadTime,
      recovery,
    });
  }
  if (straddling.length > 0) {
    await fromValues(straddling);
  }
  return ratings;
}
