import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { FreezeWindowsTable } from './FreezeWindowsTable';
import { GateAnswersTable } from './GateAnswersTable';
import { HaltsTable } from './HaltsTable';
import { PromotionStateChanges } from './PromotionStateChanges';
import { PromotionsTable } from './PromotionsTable';
import { RolledBackVersionsTable } from './RolledBackVersionsTable';
import { PromotionStore } from './PromotionStore';

const migrationsDir = resolvePackagePath(
  '@domain-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

type Args<M extends keyof PromotionStore> = Parameters<PromotionStore[M]>;

/**
 * The Knex implementation of {@link PromotionStore}, for SQLite and
 * PostgreSQL: promotion requests, their state changes and approvals, admin
 * freeze windows, halts and rolled-back versions each have their own table
 * module.
 */
export class DatabasePromotionStore implements PromotionStore {
  /** Connects to the plugin's database and, unless skipped, migrates it. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabasePromotionStore> {
    const { database, skipMigrations } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabasePromotionStore(client);
  }

  private readonly promotions: PromotionsTable;
  private readonly stateChanges: PromotionStateChanges;
  private readonly freezeWindows: FreezeWindowsTable;
  private readonly rolledBack: RolledBackVersionsTable;
  private readonly halts: HaltsTable;
  private readonly gateAnswers: GateAnswersTable;

  private constructor(db: Knex) {
    this.promotions = new PromotionsTable(db);
    this.stateChanges = new PromotionStateChanges(db);
    this.freezeWindows = new FreezeWindowsTable(db);
    this.rolledBack = new RolledBackVersionsTable(db);
    this.halts = new HaltsTable(db);
    this.gateAnswers = new GateAnswersTable(db);
  }

  insertPromotion(...args: Args<'insertPromotion'>) {
    return this.promotions.insertPromotion(...args);
  }

  getPromotion(...args: Args<'getPromotion'>) {
    return this.promotions.getPromotion(...args);
  }

  listPromotions(...args: Args<'listPromotions'>) {
    return this.promotions.listPromotions(...args);
  }

  findOpenPromotion(...args: Args<'findOpenPromotion'>) {
    return this.promotions.findOpenPromotion(...args);
  }

  findUnusedGateApproval(...args: Args<'findUnusedGateApproval'>) {
    return this.promotions.findUnusedGateApproval(...args);
  }

  findGatedPromotion(...args: Args<'findGatedPromotion'>) {
    return this.promotions.findGatedPromotion(...args);
  }

  listGateAnswersDue(...args: Args<'listGateAnswersDue'>) {
    return this.gateAnswers.listGateAnswersDue(...args);
  }

  claimGateAnswer(...args: Args<'claimGateAnswer'>) {
    return this.gateAnswers.claimGateAnswer(...args);
  }

  recordGateAnswer(...args: Args<'recordGateAnswer'>) {
    return this.gateAnswers.recordGateAnswer(...args);
  }

  releaseGateAnswer(...args: Args<'releaseGateAnswer'>) {
    return this.gateAnswers.releaseGateAnswer(...args);
  }

  listIdsInState(...args: Args<'listIdsInState'>) {
    return this.promotions.listIdsInState(...args);
  }

  listTransitions(...args: Args<'listTransitions'>) {
    return this.stateChanges.listTransitions(...args);
  }

  listApprovals(...args: Args<'listApprovals'>) {
    return this.stateChanges.listApprovals(...args);
  }

  transition(...args: Args<'transition'>) {
    return this.stateChanges.transition(...args);
  }

  approve(...args: Args<'approve'>) {
    return this.stateChanges.approve(...args);
  }

  addFreezeWindow(...args: Args<'addFreezeWindow'>) {
    return this.freezeWindows.addFreezeWindow(...args);
  }

  listFreezeWindows(...args: Args<'listFreezeWindows'>) {
    return this.freezeWindows.listFreezeWindows(...args);
  }

  deleteFreezeWindow(...args: Args<'deleteFreezeWindow'>) {
    return this.freezeWindows.deleteFreezeWindow(...args);
  }

  addHalt(...args: Args<'addHalt'>) {
    return this.halts.addHalt(...args);
  }

  listHalts(...args: Args<'listHalts'>) {
    return this.halts.listHalts(...args);
  }

  liftHalt(...args: Args<'liftHalt'>) {
    return this.halts.liftHalt(...args);
  }

  markRolledBack(...args: Args<'markRolledBack'>) {
    return this.rolledBack.markRolledBack(...args);
  }

  listRolledBack(...args: Args<'listRolledBack'>) {
    return this.rolledBack.listRolledBack(...args);
  }
}
