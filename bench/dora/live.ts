import { ConfigReader } from '@backstage/config';
import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { readDeliveryEnvironments } from '@domain-delivery/backstage-plugin-delivery-node';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { DatabaseDoraStore } from '../../plugins/delivery-backend/src/database/dora/DatabaseDoraStore';
import { IngestionService } from '../../plugins/delivery-backend/src/service/ingestion/IngestionService';
import { baselineAggregate } from './baseline';
import { entityRef, HISTORY } from './history';

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Ingests one batch of 1000 events through the push API's path into the big
 * history: 333 production deployments that land between existing ones two
 * days before the end (so neighbours, incidents and commits around them are
 * re-derived), an incident after one of them, and dev deployments. Then
 * checks one affected entity against the full-scan baseline.
 */
export async function ingestLiveBatch(
  store: DatabaseDeliveryStore,
  knex: Knex,
): Promise<{
  events: number;
  production: number;
  entities: number;
  ms: number;
  consistent: boolean;
}> {
  const ingestion = new IngestionService({
    store,
    environments: readDeliveryEnvironments(new ConfigReader({})),
  });
  const at = HISTORY.end - 2 * DAY;
  const events: DeliveryEvent[] = [];
  for (let i = 0; i < 999; i++) {
    const e = i % HISTORY.entities;
    const finishedAt = at + i * 60_000;
    const production = i % 3 === 0;
    events.push({
      type: 'deployment',
      id: `live-${i}`,
      entityRef: entityRef(e),
      environment: production ? 'prod' : 'dev',
      version: `2.0.${i}`,
      commitSha: `live-${i}-2`,
      commits: [0, 1, 2].map(j => ({
        sha: `live-${i}-${j}`,
        committedAt: iso(finishedAt - (j + 1) * 3_600_000),
      })),
      status: 'succeeded',
      trigger: i % 30 === 0 ? 'hotfix' : 'pipeline',
      startedAt: iso(finishedAt - 300_000),
      finishedAt: iso(finishedAt),
    });
  }
  events.push({
    type: 'incident',
    id: 'live-incident',
    entityRef: entityRef(0),
    environment: 'prod',
    openedAt: iso(at + 600_000),
  });

  const started = performance.now();
  const result = await ingestion.ingest(events);
  const ms = performance.now() - started;
  if (result.rejected.length > 0) {
    throw new Error(
      `live event rejected: ${JSON.stringify(result.rejected[0])}`,
    );
  }

  const from = HISTORY.end - 90 * DAY;
  const to = HISTORY.end;
  const entityRefs = [entityRef(0)];
  const { total } = await new DatabaseDoraStore(knex).aggregate({
    edges: [from, to],
    entityRefs,
  });
  const expected = await baselineAggregate(knex, {
    from,
    to,
    entityRefs,
    productionEnvironments: ['prod'],
    incidentAttributionWindowMs: DAY,
  });
  return {
    events: events.length,
    production: events.filter(
      e => e.type === 'deployment' && e.environment === 'prod',
    ).length,
    entities: new Set(events.map(e => e.entityRef)).size,
    ms,
    consistent: JSON.stringify(total) === JSON.stringify(expected),
  };
}
