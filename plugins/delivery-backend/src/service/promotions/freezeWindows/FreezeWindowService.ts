import { NotFoundError } from '@backstage/errors';
import {
  Environment,
  FreezeWindow,
  FreezeWindowEntry,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { randomUUID } from 'node:crypto';
import {
  FreezeWindowRecord,
  PromotionStore,
} from '../../../database/promotions/PromotionStore';
import {
  ActiveFreeze,
  activeFreeze,
  freezeWindowActivity,
} from './freezeWindowActivity';

/** A validated one-off freeze window to add. */
export interface FreezeWindowRequest {
  environment: string;
  /** ISO 8601, UTC. */
  start: string;
  /** ISO 8601, UTC, exclusive; in the future. */
  end: string;
  reason?: string;
}

function toWindow(record: FreezeWindowRecord): FreezeWindow {
  return {
    type: 'once',
    start: record.start,
    end: record.end,
    ...(record.reason && { reason: record.reason }),
  };
}

/**
 * Freeze windows: the configured ones of each environment, and one-off ones
 * that admins set through the API.
 */
export class FreezeWindowService {
  private readonly environments: Map<string, Environment>;

  constructor(
    private readonly options: {
      store: PromotionStore;
      environments: Environment[];
      now?: () => Date;
    },
  ) {
    this.environments = new Map(options.environments.map(e => [e.name, e]));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The freeze in force in the environment at the time, if any. */
  async activeFreeze(
    environment: string,
    at: Date = this.now(),
  ): Promise<ActiveFreeze | undefined> {
    const windows = await this.windowsOf(environment, at);
    return activeFreeze(
      windows.map(({ window }) => window),
      at,
    );
  }

  /** The freeze windows of one environment or all, with whether each is active now. */
  async list(environment?: string): Promise<FreezeWindowEntry[]> {
    if (environment !== undefined && !this.environments.has(environment)) {
      throw new NotFoundError(`No environment '${environment}' is configured`);
    }
    const at = this.now();
    const names = environment ? [environment] : [...this.environments.keys()];
    // Every environment's one-off windows in one read.
    const records = await this.options.store.listFreezeWindows({
      environment,
      endingAfter: at.toISOString(),
    });
    const entries: FreezeWindowEntry[] = [];
    for (const name of names) {
      const own = records.filter(record => record.environment === name);
      for (const { window, record } of this.windowsFrom(name, own)) {
        const { active, until } = freezeWindowActivity(window, at);
        entries.push({
          ...(record && { id: record.id }),
          environment: name,
          source: record ? 'admin' : 'config',
          window,
          active,
          ...(until && { activeUntil: until.toISOString() }),
          ...(record && {
            createdBy: record.createdBy,
            createdAt: record.createdAt,
          }),
        });
      }
    }
    return entries;
  }

  /** Adds a one-off freeze window. */
  async add(
    request: FreezeWindowRequest,
    createdBy: string,
  ): Promise<FreezeWindowEntry> {
    const { environment } = request;
    const now = this.now();
    const record: FreezeWindowRecord = {
      id: randomUUID(),
      ...request,
      createdBy,
      createdAt: now.toISOString(),
    };
    await this.options.store.addFreezeWindow(record);
    const window = toWindow(record);
    const { active, until } = freezeWindowActivity(window, now);
    return {
      id: record.id,
      environment,
      source: 'admin',
      window,
      active,
      ...(until && { activeUntil: until.toISOString() }),
      createdBy,
      createdAt: record.createdAt,
    };
  }

  /** Deletes a one-off freeze window; `NotFoundError` when there is none. */
  async delete(id: string): Promise<void> {
    if (!(await this.options.store.deleteFreezeWindow(id))) {
      throw new NotFoundError(`No freeze window ${id}`);
    }
  }

  private async windowsOf(
    environment: string,
    at: Date,
  ): Promise<Array<{ window: FreezeWindow; record?: FreezeWindowRecord }>> {
    const records = await this.options.store.listFreezeWindows({
      environment,
      endingAfter: at.toISOString(),
    });
    return this.windowsFrom(environment, records);
  }

  // The environment's configured windows, then its one-off ones.
  private windowsFrom(
    environment: string,
    records: FreezeWindowRecord[],
  ): Array<{ window: FreezeWindow; record?: FreezeWindowRecord }> {
    const configured = this.environments.get(environment)?.freezeWindows ?? [];
    return [
      ...configured.map(window => ({ window })),
      ...records.map(record => ({ window: toWindow(record), record })),
    ];
  }
}
