import { Knex } from 'knex';
import { DoraAggregate } from '../../plugins/delivery-backend/src/database/dora/DoraStore';

/**
 * DORA's numbers the straightforward way, as Four Keys' dashboard queries
 * compute them: window functions over the whole raw history (deployments,
 * commits, incidents) on every query, then the scope and the window are
 * filtered at the end. With several production environments, the successor
 * and the deployment an unnamed incident follows are taken per environment. The same definition as the derived tables, written
 * independently: the successor by `lead()`, the deployment an unnamed
 * incident follows by a running maximum over a timeline of deployments and
 * incidents, a commit's first deployment by `row_number()`.
 */
export async function baselineAggregate(
  knex: Knex,
  options: {
    from: number;
    to: number;
    entityRefs?: string[];
    productionEnvironments: string[];
    incidentAttributionWindowMs: number;
  },
): Promise<DoraAggregate> {
  const { from, to, entityRefs } = options;
  const scope = entityRefs ? 'AND entity_ref = ANY(:entityRefs)' : '';
  const result = await knex.transaction(async tx => {
    // The same sort memory the derived-table queries get.
    await tx.raw(`SET LOCAL work_mem = '64MB'`);
    const answer: { rows: Array<Record<string, any>> } = await tx.raw(
      `WITH prod AS (
         SELECT id, entity_ref, environment, finished_at, trigger, commit_sha,
           row_number() OVER history AS seq,
           lead(finished_at) OVER history AS next_finished_at,
           lead(trigger) OVER history AS next_trigger
         FROM deployments
         WHERE status = 'succeeded' AND finished_at IS NOT NULL
           AND environment = ANY(:environments)
         WINDOW history AS (PARTITION BY entity_ref, environment ORDER BY finished_at, id)
       ),
       prod_incidents AS (
         SELECT * FROM incidents WHERE environment = ANY(:environments)
       ),
       timeline AS (
         SELECT entity_ref, environment, finished_at AS at, 1 AS kind, seq, NULL AS incident_id FROM prod
         UNION ALL
         SELECT entity_ref, environment, opened_at, 0, NULL, id FROM prod_incidents
         WHERE deployment_id IS NULL
       ),
       preceding AS (
         SELECT incident_id, entity_ref, environment,
           max(seq) OVER (PARTITION BY entity_ref, environment ORDER BY at, kind
             ROWS UNBOUNDED PRECEDING) AS seq
         FROM timeline
       ),
       attributed AS (
         SELECT p.id AS deployment_id, i.resolved_at
         FROM prod_incidents i JOIN prod p ON p.id = i.deployment_id
         UNION ALL
         SELECT p.id, i.resolved_at
         FROM preceding l
         JOIN prod_incidents i ON i.id = l.incident_id
         JOIN prod p ON p.entity_ref = l.entity_ref
           AND p.environment = l.environment AND p.seq = l.seq
         WHERE (p.next_finished_at IS NULL OR p.next_finished_at > i.opened_at)
           AND i.opened_at - p.finished_at <= :attributionWindow
       ),
       failures AS (
         SELECT deployment_id, count(*) - count(resolved_at) AS open,
           max(resolved_at) AS resolved_at
         FROM attributed GROUP BY deployment_id
       ),
       deployment_facts AS (
         SELECT p.entity_ref, p.finished_at, p.trigger,
           f.deployment_id IS NOT NULL
             OR p.next_trigger IN ('rollback', 'hotfix') AS failed,
           CASE WHEN f.deployment_id IS NOT NULL THEN
               CASE WHEN f.open = 0 THEN f.resolved_at END
             WHEN p.next_trigger IN ('rollback', 'hotfix') THEN p.next_finished_at
           END AS recovered_at
         FROM prod p LEFT JOIN failures f ON f.deployment_id = p.id
       ),
       brought AS (
         SELECT p.entity_ref, c.sha, p.id, p.finished_at
         FROM prod p JOIN deployment_commits c ON c.deployment_id = p.id
         UNION ALL
         SELECT p.entity_ref, p.commit_sha, p.id, p.finished_at FROM prod p
         WHERE NOT EXISTS (
           SELECT 1 FROM deployment_commits c WHERE c.deployment_id = p.id
         )
       ),
       first_deployments AS (
         SELECT entity_ref, sha, finished_at,
           row_number() OVER (PARTITION BY entity_ref, sha
             ORDER BY finished_at, id) AS position
         FROM brought
       ),
       commit_times AS (
         SELECT sha, min(committed_at) AS committed_at
         FROM deployment_commits GROUP BY sha
       ),
       lead_times AS (
         SELECT f.entity_ref, f.finished_at, f.finished_at - t.committed_at AS lead_time
         FROM first_deployments f JOIN commit_times t ON t.sha = f.sha
         WHERE f.position = 1 AND t.committed_at IS NOT NULL
       )
       SELECT d.*, l.*
       FROM (
         SELECT count(*) AS deployments,
           count(*) FILTER (WHERE trigger IN ('rollback', 'hotfix')) AS rework,
           count(*) FILTER (WHERE failed) AS failed,
           count(*) FILTER (WHERE failed AND recovered_at IS NULL) AS open_failures,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY recovered_at - finished_at)
             AS recovery_median
         FROM deployment_facts
         WHERE finished_at >= :from AND finished_at < :to ${scope}
       ) d CROSS JOIN (
         SELECT count(*) AS commits,
           percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY lead_time)
             AS lead_time
         FROM lead_times
         WHERE finished_at >= :from AND finished_at < :to ${scope}
       ) l`,
      {
        environments: options.productionEnvironments,
        attributionWindow: options.incidentAttributionWindowMs,
        from,
        to,
        ...(entityRefs && { entityRefs }),
      },
    );
    return answer;
  });
  const [row] = result.rows;
  const numberOrNull = (value: unknown) =>
    value === null || value === undefined ? null : Number(value);
  return {
    deployments: Number(row.deployments),
    reworkDeployments: Number(row.rework),
    failedDeployments: Number(row.failed),
    openFailures: Number(row.open_failures),
    recoveryMedianMs: numberOrNull(row.recovery_median),
    leadTimeCommits: Number(row.commits),
    leadTimeMedianMs: numberOrNull(row.lead_time?.[0]),
    leadTimeP90Ms: numberOrNull(row.lead_time?.[1]),
  };
}
