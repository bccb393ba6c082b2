import { Knex } from 'knex';
import { toRolledBackVersion } from './promotionRows';
import { RolledBackVersion } from './PromotionStore';
import { toMillis } from '../rows';

/** The `rolled_back_versions` table: versions a rollback moved away from. */
export class RolledBackVersionsTable {
  constructor(private readonly db: Knex) {}

  async markRolledBack(version: RolledBackVersion): Promise<void> {
    await this.db('rolled_back_versions')
      .insert({
        entity_ref: version.entityRef,
        environment: version.environment,
        version: version.version,
        promotion_id: version.promotionId,
        rolled_back_by: version.rolledBackBy,
        rolled_back_at: toMillis(version.rolledBackAt),
      })
      .onConflict(['entity_ref', 'environment', 'version'])
      .merge(['promotion_id', 'rolled_back_by', 'rolled_back_at']);
  }

  async listRolledBack(entityRef: string): Promise<RolledBackVersion[]> {
    const rows = await this.db('rolled_back_versions')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'rolled_back_at', order: 'desc' },
        { column: 'environment', order: 'asc' },
      ]);
    return rows.map(toRolledBackVersion);
  }
}
