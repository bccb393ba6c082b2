import { Knex } from 'knex';
import { chunks } from './chunks';

// Two bindings per pair: well under SQLite's bound parameter limit.
const PAIRS_PER_QUERY = 400;

/**
 * The id of the latest deployment of each entity in each environment (by
 * `finished_at`, or by `sort_at` when unfinished ones count), skipping pairs
 * with none. One index lookup per pair (`LIMIT 1` down the entity's and
 * environment's index) rather than ranking every deployment of the entities,
 * so the cost follows the number of pairs, not the length of the history.
 */
export async function latestDeploymentIds(
  db: Knex,
  options: {
    entityRefs: string[];
    environments: string[];
    succeededOnly: boolean;
  },
): Promise<string[]> {
  const { entityRefs, environments, succeededOnly } = options;
  const order = succeededOnly ? 'finished_at' : 'sort_at';
  const pairs = entityRefs.flatMap(entityRef =>
    environments.map(environment => [entityRef, environment]),
  );
  const ids: string[] = [];
  for (const chunk of chunks(pairs, PAIRS_PER_QUERY)) {
    const latest = db('deployments as d')
      .select('d.id')
      .whereRaw('d.entity_ref = p.column1 AND d.environment = p.column2')
      .orderBy([
        { column: `d.${order}`, order: 'desc' },
        { column: 'd.id', order: 'desc' },
      ])
      .limit(1);
    if (succeededOnly) {
      latest.where('d.status', 'succeeded');
    }
    // VALUES names its columns column1, column2 in SQLite and PostgreSQL.
    const rows: Array<{ id: string | null }> = await db
      .select(db.raw('(?) as id', [latest]))
      .from(
        db.raw(`(VALUES ${chunk.map(() => '(?, ?)').join(', ')}) as p`, [
          ...chunk.flat(),
        ]),
      );
    for (const { id } of rows) {
      if (id !== null) {
        ids.push(id);
      }
    }
  }
  return ids;
}
