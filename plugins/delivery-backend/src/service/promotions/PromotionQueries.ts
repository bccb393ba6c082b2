import { NotFoundError } from '@backstage/errors';
import {
  Promotion,
  PromotionState,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  PromotionRecord,
  PromotionStore,
} from '../../database/promotions/PromotionStore';

/** Which promotions to list: a validated `GET /promotions` query. */
export interface PromotionListRequest {
  states?: PromotionState[];
  entityRef?: string;
  /** Only promotions of the components of this domain. */
  domainRef?: string;
  environment?: string;
  limit: number;
}

/** The promotion as the API answers it: no claim details. */
export function toPromotion(
  record: PromotionRecord,
  approvals: Promotion['approvals'],
  transitions?: Promotion['transitions'],
): Promotion {
  const { claimToken, claimedAt, gate, ...promotion } = record;
  return {
    ...promotion,
    ...(gate && {
      gate: {
        source: gate.source,
        ...(gate.url && { url: gate.url }),
        ...(gate.answer && { answer: gate.answer }),
        ...(gate.answeredAt && { answeredAt: gate.answeredAt }),
        ...(gate.error && { answerError: gate.error }),
      },
    }),
    approvals,
    ...(transitions && { transitions }),
  };
}

/** Reading promotions as the API answers them. */
export class PromotionQueries {
  constructor(private readonly store: PromotionStore) {}

  /** The stored promotion; a 404 when there is none. */
  async getRecord(id: string): Promise<PromotionRecord> {
    const record = await this.store.getPromotion(id);
    if (!record) {
      throw new NotFoundError(`No promotion ${id}`);
    }
    return record;
  }

  /** One promotion with its approvals and every transition; a 404 when there is none. */
  async get(id: string): Promise<Promotion> {
    const record = await this.getRecord(id);
    const approvals = (await this.store.listApprovals([id])).get(id) ?? [];
    return toPromotion(record, approvals, await this.store.listTransitions(id));
  }

  /** The entity ref of a promotion, e.g. to check permissions before reading it. */
  async entityRefOf(id: string): Promise<string> {
    return (await this.getRecord(id)).entityRef;
  }

  /**
   * Promotions, newest first, with their approvals, among those of entities
   * `readable` keeps; with a `domain`, of the components `domainComponents`
   * gives for it.
   */
  async list(
    query: PromotionListRequest,
    readable: (entityRefs: string[]) => Promise<Set<string>>,
    domainComponents: (domainRef: string) => Promise<string[]>,
  ): Promise<Promotion[]> {
    const { states, entityRef, domainRef, environment, limit } = query;
    const entityRefs = domainRef
      ? await domainComponents(domainRef)
      : undefined;
    if (entityRefs?.length === 0) {
      return [];
    }
    const records = await this.store.listPromotions({
      states,
      entityRef,
      entityRefs,
      environment,
      limit,
    });
    const allowed = await readable(records.map(r => r.entityRef));
    const visible = records.filter(record => allowed.has(record.entityRef));
    const approvals = await this.store.listApprovals(
      visible.map(record => record.id),
    );
    return visible.map(record =>
      toPromotion(record, approvals.get(record.id) ?? []),
    );
  }
}
