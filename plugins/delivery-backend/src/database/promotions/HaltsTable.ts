import { Knex } from 'knex';
import { toMillis } from '../rows';
import { isUniqueViolation } from '../uniqueViolation';
import { HaltRow, toHaltRecord } from './promotionRows';
import { HaltRecord } from './PromotionStore';

/**
 * The `halts` table. `active_scope` carries the scope while a halt holds and is
 * cleared when it is lifted: its unique index keeps one halt per scope in force,
 * however many replicas take the request at once.
 */
export class HaltsTable {
  constructor(private readonly db: Knex) {}

  async addHalt(halt: HaltRecord): Promise<boolean> {
    try {
      await this.db('halts').insert({
        id: halt.id,
        scope: halt.scope,
        reason: halt.reason,
        created_by: halt.createdBy,
        created_at: toMillis(halt.createdAt),
        active_scope: halt.scope,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) {
        return false;
      }
      throw error;
    }
  }

  async listHalts(query: { liftedAfter: string }): Promise<HaltRecord[]> {
    const rows: HaltRow[] = await this.db('halts')
      .whereNull('lifted_at')
      .orWhere('lifted_at', '>', toMillis(query.liftedAfter))
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    const records = rows.map(toHaltRecord);
    return [
      ...records.filter(halt => !halt.liftedAt),
      ...records.filter(halt => halt.liftedAt),
    ];
  }

  async liftHalt(
    id: string,
    lift: { liftedBy: string; liftedAt: string },
  ): Promise<HaltRecord | undefined> {
    const updated = await this.db('halts')
      .where({ id })
      .whereNull('lifted_at')
      .update({
        lifted_by: lift.liftedBy,
        lifted_at: toMillis(lift.liftedAt),
        active_scope: null,
      });
    if (updated === 0) {
      return undefined;
    }
    const row: HaltRow = await this.db('halts').where({ id }).first();
    return toHaltRecord(row);
  }
}
