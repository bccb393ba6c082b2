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

const tierOf = (
  ms: number | null,
  tier: (seconds: number | null) => DoraTier | null,
) => tier(ms === null ? null : ms / 1000);

/**
 * What rates each of these entities on its own over the window `[from, to)`:
 * its deployments and failed deployments, and the tier of its median lead
 * time and recovery time. Over whole UTC days on PostgreSQL, from the rows
 * per entity and day of `dora_entity_days`: the counts below each tier
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
      `SELECT entity_ref, sum(deployments) AS deployments, sum(failed) AS failed,
         sum(recovered) AS recovered, sum(recovered_under_hour) AS recovered_under_hour,
         sum(recovered_under_day) AS recovered_under_day,
         sum(recovered_under_week) AS recovered_under_week,
         sum(commits) AS commits, sum(commits_under_day) AS commits_under_day,
         sum(commits_under_week) AS commits_under_week,
         sum(commits_under_month) AS commits_under_month
       FROM dora_entity_days
       WHERE day >= ? AND day < ? AND entity_ref = ANY(?)
       GROUP BY entity_ref`,
      [from, to, entityRefs],
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
