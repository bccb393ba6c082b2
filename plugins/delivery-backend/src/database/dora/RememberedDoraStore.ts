import { RememberedAnswers } from '../../service/answers/RememberedAnswers';
import {
  DoraAggregate,
  DoraAggregateQuery,
  DoraRating,
  DoraStore,
} from './DoraStore';

/**
 * The DORA tables' aggregates, computed once per data version (see
 * {@link RememberedAnswers}) for the same window and entities. Callers do
 * not change what they get.
 */
export class RememberedDoraStore implements DoraStore {
  constructor(
    private readonly store: DoraStore,
    private readonly answers: RememberedAnswers,
  ) {}

  listEntityRefs(): Promise<string[]> {
    return this.answers.remembered('dora:entities', () =>
      this.store.listEntityRefs(),
    );
  }

  aggregate(
    query: DoraAggregateQuery,
  ): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
    return this.answers.remembered(
      `dora:aggregate:${JSON.stringify([query.edges, query.entityRefs])}`,
      () => this.store.aggregate(query),
    );
  }

  rateEntities(query: {
    from: number;
    to: number;
    entityRefs: string[];
  }): Promise<Map<string, DoraRating>> {
    const { from, to, entityRefs } = query;
    return this.answers.remembered(
      `dora:ratings:${JSON.stringify([from, to, entityRefs])}`,
      () => this.store.rateEntities(query),
    );
  }
}
