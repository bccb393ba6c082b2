/* eslint-disable no-console */
// GitHub backfill: GitHub requests per 1,000 workflow runs backfilled and per refresh with
// nothing new, and time, against a stand-in of GitHub's REST API on 127.0.0.1 that counts
// requests. The real backfill (conditional requests, paging, the GitHub client with its
// throttling, the delivery plugin's ingestion into SQLite) vs two in-run baselines: the
// fewest pages that hold the same lists, and the time to page through them with plain fetch.
// Run: yarn bench:github-backfill
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  GitHubClientFactory,
  readDeliveryEnvironments,
} from '@domain-delivery/backstage-plugin-delivery-node';
import knexFactory, { Knex } from 'knex';
import { BackfillState } from '../../plugins/delivery-backend-module-github/src/backfill/BackfillState';
import {
  BackfillSummary,
  GitHubBackfill,
} from '../../plugins/delivery-backend-module-github/src/backfill/GitHubBackfill';
import type { RepositoryEntities } from '../../plugins/delivery-backend-module-github/src/catalog/RepositoryEntities';
import { readGitHubSourceSettings } from '../../plugins/delivery-backend-module-github/src/config/readGitHubSourceSettings';
import { DeploymentCommits } from '../../plugins/delivery-backend-module-github/src/deployments/DeploymentCommits';
import { pipelineRunEvents } from '../../plugins/delivery-backend-module-github/src/pipelines/pipelineRunEvents';
import {
  GitHubStandIn,
  StandInCounts,
} from '../../plugins/delivery-backend-module-github/src/__testUtils__/GitHubStandIn';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { DatabasePipelineRunStore } from '../../plugins/delivery-backend/src/database/pipelines/DatabasePipelineRunStore';
import { IngestionService } from '../../plugins/delivery-backend/src/service/ingestion/IngestionService';
import { fillHistory, HistoryShape } from './history';

const SHAPE: HistoryShape = {
  repositories: Number(process.env.DELIVERY_BENCH_REPOSITORIES ?? 10),
  runs: Number(process.env.DELIVERY_BENCH_RUNS ?? 1000),
  deployments: Number(process.env.DELIVERY_BENCH_DEPLOYMENTS ?? 30),
  days: 90,
};
const PER_PAGE = 100;

const quiet: LoggerService = {
  info: () => {},
  debug: () => {},
  warn: message => console.warn(message),
  error: message => console.error(message),
  child: () => quiet,
};

function asDatabaseService(db: Knex): DatabaseService {
  return { getClient: async () => db, migrations: { skip: false } };
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function msEach(elapsed: number, requests: number): string {
  return ((elapsed / requests) * 1000).toFixed(1);
}

function route(counts: StandInCounts, name: string): number {
  return counts.byRoute[name] ?? 0;
}

/** Pages through every list with plain fetch and no ETags: the time floor. */
async function rawPaging(apiBaseUrl: string): Promise<number> {
  const started = process.hrtime.bigint();
  for (let index = 0; index < SHAPE.repositories; index++) {
    for (const list of ['deployments', 'actions/runs']) {
      for (let page = 1; ; page++) {
        const response = await fetch(
          `${apiBaseUrl}/repos/acme/service-${index}/${list}?per_page=${PER_PAGE}&page=${page}`,
        );
        await response.json();
        if (!/rel="next"/.test(response.headers.get('link') ?? '')) {
          break;
        }
      }
    }
  }
  return seconds(started);
}

async function main() {
  const github = new GitHubStandIn();
  const apiBaseUrl = await github.start();
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  try {
    const now = Date.now();
    const repositories = fillHistory(github, SHAPE, now);
    const config = new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'ghp_bench', apiBaseUrl }],
      },
      delivery: {
        environments: [
          { name: 'dev' },
          { name: 'prod', production: true, promotion: { from: 'dev' } },
        ],
        github: {
          deployments: {
            environments: [{ github: 'production', environment: 'prod' }],
          },
          backfill: { days: SHAPE.days },
        },
      },
    });
    const store = await DatabaseDeliveryStore.create({
      database: asDatabaseService(db),
    });
    const environments = readDeliveryEnvironments(config);
    // Workflow runs are stored as pipeline runs, as in the plugin.
    const pipelineRuns = await DatabasePipelineRunStore.create({
      database: asDatabaseService(db),
    });
    const ingestion = new IngestionService({
      store,
      environments,
      pipelineRuns,
    });
    const clients = new GitHubClientFactory({
      integrations: ScmIntegrations.fromConfig(config),
    });
    let runsHanded = 0;
    const entities = {
      repositories: async () =>
        new Map(
          repositories.map(repository => [
            repository.slug,
            [`component:default/${repository.repo}`],
          ]),
        ),
    } as unknown as RepositoryEntities;
    const backfill = new GitHubBackfill({
      settings: readGitHubSourceSettings(config),
      scheduler: { scheduleTask: async () => {} } as any,
      logger: quiet,
      entities,
      clients,
      state: await BackfillState.create(asDatabaseService(db)),
      commits: new DeploymentCommits(clients),
      runEvents: (run, entityRefs) => {
        runsHanded++;
        return pipelineRunEvents(run, entityRefs);
      },
    });
    await backfill.connect({
      environments,
      ingest: events => ingestion.ingest(events),
      // Argo CD's application statuses: no GitHub source records any.
      recordApplicationStatuses: async () => {},
    });

    async function measure(): Promise<{
      counts: StandInCounts;
      summary: BackfillSummary;
      seconds: number;
    }> {
      github.resetCounts();
      const started = process.hrtime.bigint();
      const summary = await backfill.run();
      const elapsed = seconds(started);
      if (summary.failed) {
        throw new Error(`${summary.failed} repositories failed`);
      }
      return { counts: github.resetCounts(), summary, seconds: elapsed };
    }

    console.log(
      `GitHub backfill of ${SHAPE.repositories} repositories, each with ${SHAPE.runs} workflow runs and ${SHAPE.deployments} production deployments over ${SHAPE.days} days; stand-in on 127.0.0.1`,
    );
    const floorSeconds = await rawPaging(apiBaseUrl);
    const floorRequests = github.resetCounts().requests;

    const fill = await measure();
    const runs = fill.summary.workflowRuns;
    const runRequests = route(fill.counts, 'GET actions/runs');
    const runPagesFloor = SHAPE.repositories * Math.ceil(SHAPE.runs / PER_PAGE);
    const deploymentRequests = fill.counts.requests - runRequests;
    const stored = await db('deployments').count({ n: '*' }).first();
    if (runsHanded !== SHAPE.repositories * SHAPE.runs) {
      throw new Error(`expected every run handed over, got ${runsHanded}`);
    }
    if (Number(stored?.n) !== SHAPE.repositories * SHAPE.deployments) {
      throw new Error(`expected every deployment stored, got ${stored?.n}`);
    }
    console.log(
      `first run (fill)       ${String(fill.counts.requests).padStart(
        6,
      )} requests in ${fill.seconds.toFixed(2)} s` +
        `   workflow runs: ${((runRequests / runs) * 1000).toFixed(
          1,
        )} requests per 1,000 runs (fewest pages that hold them: ${(
          (runPagesFloor / runs) *
          1000
        ).toFixed(1)})` +
        `   deployments: ${(
          deploymentRequests / fill.summary.deployments
        ).toFixed(2)} requests each (list, statuses, commits)` +
        `   time per request: ${msEach(
          fill.seconds,
          fill.counts.requests,
        )} ms vs ${msEach(
          floorSeconds,
          floorRequests,
        )} ms for plain fetch paging the same lists`,
    );

    const refresh = await measure();
    console.log(
      `refresh, nothing new   ${String(refresh.counts.requests).padStart(
        6,
      )} requests in ${refresh.seconds.toFixed(2)} s` +
        `   ${(refresh.counts.requests / SHAPE.repositories).toFixed(
          1,
        )} per repository (one per list: deployments, workflow runs)` +
        `, ${refresh.counts.notModified} answered 304` +
        `, ${
          refresh.counts.requests - refresh.counts.notModified
        } counted against the rate limit` +
        `   vs a first run: ${(refresh.seconds / fill.seconds).toFixed(
          3,
        )}x the time`,
    );

    for (const repository of repositories) {
      repository.run(Date.now() - 60_000);
    }
    const oneNew = await measure();
    console.log(
      `refresh, 1 new run each${String(oneNew.counts.requests).padStart(
        5,
      )} requests in ${oneNew.seconds.toFixed(2)} s` +
        `   ${(oneNew.counts.requests / SHAPE.repositories).toFixed(
          1,
        )} per repository, ${oneNew.summary.workflowRuns} runs read` +
        `, ${oneNew.counts.notModified} answered 304`,
    );
  } finally {
    await db.destroy();
    await github.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
