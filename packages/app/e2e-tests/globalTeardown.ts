import { DemoState, differences, readDemoState } from './demoState';

/**
 * Runs after every browser test, while the portal still runs: the demo must
 * be as the setup found it, so that the next `scripts/start.sh` shows only
 * the demo's own data: no component, service repository or GitOps change a
 * test added.
 */
export default async function globalTeardown() {
  const recorded = process.env.DEMO_STATE_BEFORE_BROWSER_TESTS;
  if (!recorded) {
    // The setup failed; it said why.
    return;
  }
  const before: DemoState = JSON.parse(recorded);
  const after = await readDemoState();
  const found = differences(before, after);
  if (found.length > 0) {
    throw new Error(
      `The browser tests left the demo changed:\n${found.join('\n')}`,
    );
  }
  process.stdout.write(
    `The demo is as before the browser tests: ${after.components.length} components, ${after.serviceRepositories.length} service repositories, GitOps files as at ${before.gitops.head}\n`,
  );
}
