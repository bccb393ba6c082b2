import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Halt } from '@domain-delivery/backstage-plugin-delivery-common';
import { randomUUID } from 'node:crypto';
import {
  HaltRecord,
  PromotionStore,
} from '../../../database/promotions/PromotionStore';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { DeliverySignals } from '../../signals/DeliverySignals';
import { PromotionNotifier } from '../PromotionNotifier';
import { PORTAL_SCOPE } from './haltScope';

/** How long lifted halts stay in `GET /halts`, as their recent history. */
const LIFTED_HISTORY_MS = 30 * 24 * 60 * 60 * 1000;

/** A validated halt to set. */
export interface HaltRequest {
  /** `portal` or a domain's canonical entity ref. */
  scope: string;
  reason: string;
}

function toHalt(record: HaltRecord): Halt {
  return { ...record, active: !record.liftedAt };
}

/**
 * Emergency halts: a platform admin stops every promotion of a domain or of the
 * whole portal with one action, and lifts it with another. The promotion
 * policy refuses requests in a halted scope, and the execution leaves approved
 * promotions waiting there.
 */
export class HaltService {
  constructor(
    private readonly options: {
      store: PromotionStore;
      catalog: EntityCatalog;
      auth: AuthService;
      notifier: PromotionNotifier;
      signals: DeliverySignals;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The halts in force, then those lifted in the last 30 days, newest first. */
  async list(): Promise<Halt[]> {
    const liftedAfter = new Date(this.now().getTime() - LIFTED_HISTORY_MS);
    const records = await this.options.store.listHalts({
      liftedAfter: liftedAfter.toISOString(),
    });
    return records.map(toHalt);
  }

  /**
   * Halts the scope; a `NotFoundError` for a domain the catalog does not have,
   * a `ConflictError` when the scope is already halted.
   */
  async halt(
    request: HaltRequest,
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ): Promise<Halt> {
    if (request.scope !== PORTAL_SCOPE) {
      await this.options.catalog.getEntity(request.scope, credentials);
    }
    const record: HaltRecord = {
      id: randomUUID(),
      scope: request.scope,
      reason: request.reason,
      createdBy: credentials.principal.userEntityRef,
      createdAt: this.now().toISOString(),
    };
    if (!(await this.options.store.addHalt(record))) {
      const holding = (await this.list()).find(
        halt => halt.active && halt.scope === request.scope,
      );
      throw new ConflictError(
        `${request.scope} is already halted${
          holding
            ? ` by ${holding.createdBy} since ${holding.createdAt} (halt ${holding.id})`
            : ''
        }`,
      );
    }
    await this.changed(record, 'halted');
    return toHalt(record);
  }

  /** Lifts a halt in force; a `NotFoundError` when there is none such. */
  async lift(id: string, liftedBy: string): Promise<Halt> {
    const lifted = await this.options.store.liftHalt(id, {
      liftedBy,
      liftedAt: this.now().toISOString(),
    });
    if (!lifted) {
      throw new NotFoundError(`No halt ${id} is in force`);
    }
    await this.changed(lifted, 'lifted');
    return toHalt(lifted);
  }

  /**
   * The halt in force over the entity's promotions (the entity or its ref):
   * the portal's, or its domain's. The catalog is asked for the domain only
   * while some domain is halted.
   */
  async activeHaltFor(
    entity: Entity | string,
  ): Promise<HaltRecord | undefined> {
    const active = (
      await this.options.store.listHalts({
        liftedAfter: this.now().toISOString(),
      })
    ).filter(halt => !halt.liftedAt);
    const portal = active.find(halt => halt.scope === PORTAL_SCOPE);
    if (portal || active.length === 0) {
      return portal;
    }
    // Whose domain it is, the plugin asks itself: it is the plugin's decision.
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const found =
      typeof entity === 'string'
        ? await this.options.catalog.findEntity(entity, credentials)
        : entity;
    const domainRef =
      found && (await this.options.catalog.getDomainRef(found, credentials));
    return active.find(halt => halt.scope === domainRef);
  }

  private async changed(halt: HaltRecord, change: 'halted' | 'lifted') {
    await Promise.all([
      this.options.notifier.haltChanged(halt, change),
      this.options.signals.haltChanged(halt.id),
    ]);
  }
}
