import { expect, Locator, Page, test } from '@playwright/test';
import { DemoPersona, signInAs } from './signIn';

// The views of the delivery plugin against the delivery backend's answers: every
// number on screen must be the backend's. The demo history is generated relative to
// the current time, so the expected values are read from the backend, never written here.

const DOMAIN = 'smart-city';
/** How many of the newest deployments the history table is compared on. */
const HISTORY_ROWS = 10;

// The parts of the delivery API's answers that the views show
// (plugins/delivery-backend/src/schema/openapi.yaml).
interface EnvironmentSummary {
  name: string;
  title: string;
  production: boolean;
  promotedFrom?: string;
}

interface EntityEnvironments {
  entityRef: string;
  items: Array<{
    environment: EnvironmentSummary;
    current?: { version: string };
    next?: {
      environment: string;
      version?: string;
      missing: {
        versions: Array<{ version: string }>;
        commits: Array<{ sha: string }>;
      };
    };
  }>;
}

interface DeploymentPage {
  items: Array<{
    id: string;
    environment: string;
    version: string;
    commitSha: string;
    status: 'succeeded' | 'failed' | 'in_progress' | 'cancelled';
    trigger: string;
    startedAt: string;
    finishedAt?: string;
  }>;
}

interface DomainMatrix {
  environments: EnvironmentSummary[];
  rows: Array<{
    entityRef: string;
    drift: boolean;
    cells: Array<{ environment: string; version?: string; drift: boolean }>;
  }>;
}

/** Reads `/api/delivery<path>` as the signed-in person. */
type DeliveryBackend = <T>(path: string) => Promise<T>;

const STATUS_TEXT: Record<DeploymentPage['items'][number]['status'], string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  in_progress: 'In progress',
  cancelled: 'Cancelled',
};

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `component:default/name` → `component/default/name`, each part encoded. */
const entityPath = (entityRef: string) => {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return [kind, namespace, name].map(encodeURIComponent).join('/');
};

const entityName = (entityRef: string) => entityRef.split('/')[1];

/**
 * Signs in, and reads the delivery backend with the token the app's own
 * requests carry, so the test sees what the signed-in person may see.
 */
async function signInWithBackend(
  page: Page,
  persona: DemoPersona,
): Promise<DeliveryBackend> {
  const authenticated = page.waitForRequest(
    async request =>
      new URL(request.url()).pathname.startsWith('/api/') &&
      Boolean(await request.headerValue('authorization')),
  );
  await signInAs(page, persona);
  const request = await authenticated;
  const backend = new URL(request.url()).origin;
  const authorization = (await request.headerValue('authorization'))!;

  return async <T>(path: string) => {
    const response = await page.request.get(`${backend}/api/delivery${path}`, {
      headers: { authorization },
    });
    expect(response.status(), `GET /api/delivery${path}`).toBe(200);
    return (await response.json()) as T;
  };
}

/**
 * The domain's matrix and each of its components' environments, once the demo
 * history is in: it is ingested in batches a few seconds after the backend
 * starts, so two reads in a row must agree and every component must run
 * somewhere.
 */
async function readSettledDomain(get: DeliveryBackend, domain: string) {
  const read = async () => {
    const matrix = await get<DomainMatrix>(
      `/domains/default/${encodeURIComponent(domain)}/matrix`,
    );
    const components = await Promise.all(
      matrix.rows.map(row =>
        get<EntityEnvironments>(
          `/entities/${entityPath(row.entityRef)}/environments`,
        ),
      ),
    );
    return { matrix, components };
  };

  let previous: string | undefined;
  let settled: Awaited<ReturnType<typeof read>> | undefined;
  await expect
    .poll(
      async () => {
        const answer = await read();
        const json = JSON.stringify(answer);
        const same = json === previous;
        previous = json;
        settled = answer;
        return (
          same &&
          answer.matrix.rows.length > 0 &&
          answer.components.every(c => c.items.some(item => item.current))
        );
      },
      {
        message: `the demo delivery history of ${domain} is loaded`,
        intervals: [2_000],
        timeout: 90_000,
      },
    )
    .toBe(true);
  return settled!;
}

/** The one of the components that the most versions wait to be promoted for. */
function furthestBehind(components: EntityEnvironments[]) {
  const waiting = (c: EntityEnvironments) =>
    c.items.reduce(
      (sum, item) => sum + (item.next?.missing.versions.length ?? 0),
      0,
    );
  return components.reduce((best, c) =>
    waiting(c) > waiting(best) ? c : best,
  );
}

/** An info card, found by its title. */
function card(page: Page, title: string): Locator {
  return page.locator('.MuiCard-root').filter({
    has: page.getByRole('heading', { level: 2, name: title, exact: true }),
  });
}

/** What the promotion chain shows between an environment and the one before it. */
function chainGap(
  status: EntityEnvironments,
  index: number,
): string | undefined {
  const previous = status.items[index - 1];
  const here = status.items[index];
  if (!previous?.current) {
    return undefined;
  }
  const behind =
    previous.next?.environment === here.environment.name
      ? previous.next.missing.versions.length
      : 0;
  if (behind > 0) {
    return `${plural(behind, 'version')} behind`;
  }
  if (here.current?.version === previous.current.version) {
    return 'in sync';
  }
  return here.current ? 'differs' : 'not deployed';
}

async function expectDeploymentsTab(
  page: Page,
  status: EntityEnvironments,
  history: DeploymentPage,
) {
  const titles = new Map(
    status.items.map(item => [item.environment.name, item.environment.title]),
  );

  // The promotion chain: the version in each environment, and how far behind it is.
  await expect(
    page
      .getByRole('list', { name: 'Versions along the promotion chain' })
      .getByRole('listitem'),
  ).toHaveText(
    status.items.map(
      (item, index) =>
        new RegExp(
          `^${escapeRegExp(
            `${chainGap(status, index) ?? ''}${item.environment.title} ${
              item.current?.version ?? 'nothing yet'
            }`,
          )}$`,
        ),
    ),
  );

  // One card per environment: what runs there, and what the next one is missing.
  for (const { environment, current, next } of status.items) {
    const environmentCard = card(page, environment.title);
    if (current) {
      await expect(
        environmentCard.getByText(current.version, { exact: true }),
      ).toBeVisible();
    } else {
      await expect(environmentCard).toContainText(
        `No deployment reported to ${environment.name} yet.`,
      );
    }
    if (!next) {
      continue;
    }
    const nextTitle = titles.get(next.environment) ?? next.environment;
    const { versions, commits } = next.missing;
    if (versions.length === 0) {
      if (next.version) {
        await expect(
          environmentCard.getByText(`${nextTitle} runs the same version`),
        ).toBeVisible();
      }
      continue;
    }
    await expect(
      environmentCard.getByText(
        `${
          next.version
            ? `${nextTitle} is ${plural(versions.length, 'version')} behind`
            : `Not in ${nextTitle} yet`
        }: ${versions.map(v => v.version).join(', ')}`,
        { exact: true },
      ),
    ).toBeVisible();
    if (commits.length > 0) {
      await environmentCard
        .getByRole('button', {
          name: `Show ${plural(
            commits.length,
            'commit',
          )} waiting for ${nextTitle}`,
        })
        .click();
      await expect(
        environmentCard
          .getByRole('list', { name: `Commits waiting for ${nextTitle}` })
          .locator('code'),
      ).toHaveText(commits.map(commit => commit.sha.slice(0, 7)));
    }
  }

  // The history, newest first: the same deployments as the backend's first page.
  const rows = page
    .getByRole('table', { name: 'Deployment history' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  for (const [index, deployment] of history.items.entries()) {
    const row = rows.nth(index);
    await expect(row.getByRole('cell')).toHaveText([
      /\S/,
      titles.get(deployment.environment) ?? deployment.environment,
      deployment.version,
      STATUS_TEXT[deployment.status],
      deployment.trigger,
      /\S/,
      deployment.commitSha.slice(0, 7),
      /\S/,
    ]);
    await expect(row.locator('time')).toHaveAttribute(
      'datetime',
      new Date(deployment.finishedAt ?? deployment.startedAt).toISOString(),
    );
  }
}

async function expectDomainMatrix(page: Page, matrix: DomainMatrix) {
  const drifted = matrix.rows.filter(row => row.drift).length;
  await expect(
    card(page, 'Versions by environment').getByText(
      `${plural(
        matrix.rows.length,
        'component',
      )}, ${drifted} with drift between environments`,
      { exact: true },
    ),
  ).toBeVisible();

  const table = page.getByRole('table', {
    name: `The version each component of ${DOMAIN} runs in each environment`,
  });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Component',
    // A production environment's header also says so.
    ...matrix.environments.map(e =>
      e.production ? `${e.title} production` : e.title,
    ),
  ]);
  const rows = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(matrix.rows.length);

  for (const [index, row] of matrix.rows.entries()) {
    const tableRow = rows.nth(index);
    const component = tableRow.getByRole('rowheader');
    await expect(component.getByRole('link')).toHaveAttribute(
      'href',
      new RegExp(
        `/catalog/default/component/${escapeRegExp(
          entityName(row.entityRef),
        )}$`,
      ),
    );
    await expect(component.getByText('drift', { exact: true })).toHaveCount(
      row.drift ? 1 : 0,
    );

    const cells = new Map(row.cells.map(cell => [cell.environment, cell]));
    const shown = tableRow.getByRole('cell');
    await expect(shown).toHaveCount(matrix.environments.length);
    for (const [column, environment] of matrix.environments.entries()) {
      const cell = cells.get(environment.name);
      const tableCell = shown.nth(column);
      if (!cell?.version) {
        await expect(
          tableCell.getByText('not deployed', { exact: true }),
        ).toBeVisible();
        continue;
      }
      await expect(
        tableCell.getByText(cell.version, { exact: true }),
      ).toBeVisible();
      // Drift is against the environment it is promoted from, else the
      // nearest one before it, that runs a version.
      const previous =
        matrix.environments.find(
          e =>
            e.name === environment.promotedFrom && cells.get(e.name)?.version,
        ) ??
        matrix.environments
          .slice(0, column)
          .reverse()
          .find(e => cells.get(e.name)?.version);
      const marker = tableCell.getByText(/^(differs from .+|drift)$/);
      if (cell.drift) {
        await expect(marker).toHaveText(
          previous ? `differs from ${previous.title}` : 'drift',
        );
      } else {
        await expect(marker).toHaveCount(0);
      }
    }
  }
}

test('the Deployments tab shows the versions, gaps and history the backend answers', async ({
  page,
}) => {
  const get = await signInWithBackend(page, 'engineer');
  const { components } = await readSettledDomain(get, DOMAIN);
  const status = furthestBehind(components);
  test.info().annotations.push({
    type: 'component',
    description: status.entityRef,
  });
  const history = await get<DeploymentPage>(
    `/deployments?entityRef=${encodeURIComponent(
      status.entityRef,
    )}&limit=${HISTORY_ROWS}`,
  );
  expect(history.items.length).toBeGreaterThan(0);

  await page.goto(`/catalog/default/component/${entityName(status.entityRef)}`);
  await page.getByRole('link', { name: 'Deployments', exact: true }).click();

  await expectDeploymentsTab(page, status, history);
});

test('the domain pages show the version matrix and drift the backend answers', async ({
  page,
}) => {
  const get = await signInWithBackend(page, 'engineer');
  const { matrix } = await readSettledDomain(get, DOMAIN);

  // From the sidebar's Delivery page to the domain's page.
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Delivery', exact: true })
    .click();
  await page.locator(`a[href$="/delivery/domains/default/${DOMAIN}"]`).click();
  await expect(page).toHaveURL(
    new RegExp(`/delivery/domains/default/${DOMAIN}$`),
  );
  await expectDomainMatrix(page, matrix);

  // The Domain entity's Delivery tab shows the same.
  await page.goto(`/catalog/default/domain/${DOMAIN}`);
  await page
    .getByRole('link', { name: 'Delivery', exact: true })
    .and(page.locator(`[href$="/domain/${DOMAIN}/delivery"]`))
    .click();
  await expectDomainMatrix(page, matrix);
});
