import { expect, test } from '@playwright/test';
import { signInAs } from './signIn';

// The domain page's DORA card under the pooled numbers: how the domain's
// delivered components spread over the tiers of each metric, and which of
// them are in the lowest tier. The demo's history is relative to the current
// time, so the expected spread is the backend's answer to the page's own
// request, never written here.

const DOMAIN = 'smart-city';

// The parts of `GET /dora`'s answer the spread shows
// (plugins/delivery-backend/src/schema/openapi.yaml).
type Segment = 'elite' | 'high' | 'medium' | 'low' | 'none';
interface DoraSpreadAnswer {
  distribution: Record<Metric, Record<Segment, number>>;
  lowestTiers: Record<
    Metric,
    { tier: Exclude<Segment, 'none'>; entityRefs: string[] } | null
  >;
}

const METRICS = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recovery: 'Failed deployment recovery time',
} as const;
type Metric = keyof typeof METRICS;

const SEGMENTS: Array<[Segment, string]> = [
  ['elite', 'Elite'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
  ['none', 'Not rated'],
];

const entityName = (entityRef: string) => entityRef.split('/')[1];

test('the domain page spreads its components over the DORA tiers and names those in the lowest', async ({
  page,
}) => {
  await signInAs(page, 'engineer');
  const answered = page.waitForResponse(response => {
    const url = new URL(response.url());
    return (
      url.pathname.endsWith('/api/delivery/dora') &&
      url.searchParams.get('entityRef') === `domain:default/${DOMAIN}`
    );
  });
  await page.goto(`/delivery/domains/default/${DOMAIN}`);
  const response = await answered;
  expect(response.status()).toBe(200);
  const { distribution, lowestTiers } =
    (await response.json()) as DoraSpreadAnswer;
  test.info().annotations.push({
    type: 'spread',
    description: JSON.stringify({ distribution, lowestTiers }),
  });

  // The demo's domain has several delivered components, and some metric
  // puts them in different tiers: a spread worth showing.
  const members = SEGMENTS.reduce(
    (sum, [segment]) => sum + distribution.deploymentFrequency[segment],
    0,
  );
  expect(members).toBeGreaterThan(1);
  const named = Object.values(lowestTiers).filter(
    lowest => lowest && lowest.entityRefs.length > 0,
  );
  expect(named.length).toBeGreaterThan(0);

  const spread = page.getByRole('region', { name: 'Components by tier' });
  await expect(
    spread.getByRole('heading', { name: `${members} components by tier` }),
  ).toBeVisible();
  for (const [metric, title] of Object.entries(METRICS) as Array<
    [Metric, string]
  >) {
    const item = spread.getByLabel(`${title} across components`, {
      exact: true,
    });
    const counts = distribution[metric];
    const inWords = SEGMENTS.filter(([segment]) => counts[segment] > 0)
      .map(([segment, label]) => `${label} ${counts[segment]}`)
      .join(', ');
    await expect(item.getByRole('img', { name: inWords })).toBeVisible();

    const lowest = lowestTiers[metric];
    if (lowest) {
      const label = SEGMENTS.find(([segment]) => segment === lowest.tier)![1];
      await expect(item).toContainText(`Lowest tier (${label}):`);
    }
    const links = item.locator('a[href*="/catalog/default/component/"]');
    await expect(links).toHaveCount(lowest?.entityRefs.length ?? 0);
    for (const entityRef of lowest?.entityRefs ?? []) {
      await expect(
        item.locator(
          `a[href$="/catalog/default/component/${entityName(entityRef)}"]`,
        ),
      ).toBeVisible();
    }
  }
});
