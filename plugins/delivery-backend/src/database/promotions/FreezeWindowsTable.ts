import { Knex } from 'knex';
import { toFreezeWindowRecord } from './promotionRows';
import { FreezeWindowRecord } from './PromotionStore';
import { toMillis } from '../rows';

/** The `freeze_windows` table: the one-off freeze windows admins set. */
export class FreezeWindowsTable {
  constructor(private readonly db: Knex) {}

  async addFreezeWindow(window: FreezeWindowRecord): Promise<void> {
    await this.db('freeze_windows').insert({
      id: window.id,
      environment: window.environment,
      start_at: toMillis(window.start),
      end_at: toMillis(window.end),
      reason: window.reason ?? null,
      created_by: window.createdBy,
      created_at: toMillis(window.createdAt),
    });
  }

  async listFreezeWindows(query: {
    environment?: string;
    endingAfter: string;
  }): Promise<FreezeWindowRecord[]> {
    const select = this.db('freeze_windows').where(
      'end_at',
      '>',
      toMillis(query.endingAfter),
    );
    if (query.environment) {
      select.where('environment', query.environment);
    }
    const rows = await select.orderBy([
      { column: 'start_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toFreezeWindowRecord);
  }

  async deleteFreezeWindow(id: string): Promise<boolean> {
    return (await this.db('freeze_windows').where({ id }).delete()) > 0;
  }
}
