/* eslint-disable no-console */
// The delivery API under load: two backend replicas on PostgreSQL over the
// DORA bench's history (1,000,000 production deployments, 3,000,000 commits,
// 500 entities in 4 domains), answering the calls one Deployments tab and one
// domain page make, at 200 requests per second in total for 60 s. The
// baseline, measured in the same run at the same rate, is a no-op route behind
// the same Backstage HTTP stack (authentication included).
// Run: yarn bench:load  (PostgreSQL from scripts/postgres.sh or DELIVERY_BENCH_POSTGRES)
//   DELIVERY_BENCH_DORA_SCALE=0.1  a tenth of the history, for a trial
//   DELIVERY_BENCH_LOAD_SECONDS    seconds per phase (default 60)
//   DELIVERY_BENCH_LOAD_RATE       requests per second in total (default 200)
//   DELIVERY_BENCH_LOAD_DATABASES  a database name prefix: kept after the run and used
//                                  again by the next run with the same prefix
import { benchCatalogEntities } from '../dora/catalog';
import { entityRef, HISTORY } from '../dora/history';
import {
  DATABASE_PREFIX,
  dropBenchDatabases,
  KEEP_DATABASES,
  prepareDeliveryDatabase,
} from './database';
import { NOOP, PAGE_CALLS } from './calls';
import { cpuPerCall } from './cpuPerCall';
import { CallFigures, runLoad } from './load';
import { startReplicas, stopReplicas } from './replicas';

const DAY = 24 * 60 * 60 * 1000;
const SECONDS = Number(process.env.DELIVERY_BENCH_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.DELIVERY_BENCH_LOAD_RATE ?? 200);
const P99_TARGET = 3;
const CPU_COUNT = 500;

function printFigures(rows: CallFigures[], baselineP99: number) {
  for (const row of rows) {
    const ratio = row.p99 / baselineP99;
    console.log(
      `  ${row.name.padEnd(20)} ${String(row.requests).padStart(
        6,
      )} requests   p50 ${row.p50.toFixed(1).padStart(6)} ms   p99 ${row.p99
        .toFixed(1)
        .padStart(6)} ms   ` +
        `${ratio.toFixed(2).padStart(5)}× the no-op p99   errors ${row.errors}`,
    );
  }
}

async function main() {
  const server =
    process.env.DELIVERY_BENCH_POSTGRES ??
    'postgresql://postgres@127.0.0.1:55432';
  const deployments = HISTORY.entities * HISTORY.deploymentsPerEntity;
  console.log(
    `Preparing ${deployments} production deployments over ${HISTORY.entities} entities in PostgreSQL (databases ${DATABASE_PREFIX}*)`,
  );
  let started = performance.now();
  await prepareDeliveryDatabase(server, {
    productionEnvironments: ['prod'],
    incidentAttributionWindowMs: DAY,
  });
  console.log(
    `  ready in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  started = performance.now();
  const lastEntity = entityRef(HISTORY.entities - 1).split('/')[1];
  const replicas = await startReplicas({
    count: 2,
    firstPort: Number(process.env.DELIVERY_BENCH_LOAD_PORT ?? 7300),
    server,
    entities: benchCatalogEntities(),
    // Served once the catalog holds the last bench entity.
    probe: `/api/catalog/entities/by-name/component/default/${lastEntity}`,
  });
  try {
    console.log(
      `Two replicas serving, catalog loaded, in ${(
        (performance.now() - started) /
        1000
      ).toFixed(0)} s\n`,
    );

    // Warm-up: a few seconds of the mix, not counted.
    await runLoad({ replicas, calls: PAGE_CALLS, rate: RATE, seconds: 5 });

    console.log(
      `CPU per request, ${CPU_COUNT} requests of each call one after the other to one replica`,
    );
    for (const call of await cpuPerCall({
      replica: replicas[0],
      calls: [NOOP, ...PAGE_CALLS],
      count: CPU_COUNT,
    })) {
      console.log(
        `  ${call.name.padEnd(20)} replica ${call.replicaMs
          .toFixed(2)
          .padStart(5)} ms   PostgreSQL ${call.postgresMs
          .toFixed(2)
          .padStart(5)} ms`,
      );
    }
    console.log('');

    console.log(
      `Baseline: the no-op route alone, ${RATE} requests/s for ${SECONDS} s, sent as the mix is`,
    );
    const [baseline] = await runLoad({
      replicas,
      calls: [...PAGE_CALLS, NOOP].map(() => NOOP),
      rate: RATE,
      seconds: SECONDS,
    });
    printFigures([baseline], baseline.p99);

    console.log(
      `\nOne Deployments tab and one domain page: ${PAGE_CALLS.length} calls and the no-op route, ${RATE} requests/s in total for ${SECONDS} s`,
    );
    const mix = await runLoad({
      replicas,
      calls: [...PAGE_CALLS, NOOP],
      rate: RATE,
      seconds: SECONDS,
    });
    printFigures(mix, baseline.p99);

    const pages = mix.filter(row => row !== mix[mix.length - 1]);
    const worst = Math.max(...pages.map(row => row.p99)) / baseline.p99;
    const errors = mix.reduce((sum, row) => sum + row.errors, 0);
    console.log(
      `\nWorst p99 ${worst.toFixed(
        2,
      )}× the no-op route's (target ≤ ${P99_TARGET}×), ${errors} errors (target 0)`,
    );
    if (worst > P99_TARGET || errors > 0) {
      process.exitCode = 1;
    }
  } finally {
    stopReplicas(replicas);
    await new Promise(r => setTimeout(r, 2000));
    if (!KEEP_DATABASES) {
      await dropBenchDatabases(server);
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
