import { readDemoState, tagsBehindHistory } from './demoState';

/** How long the demo may take after its start to load its history and seed the GitOps repository. */
const SETTLING = 120_000;

/**
 * Runs once the portal answers: waits until the demo has loaded its history
 * and brought the GitOps repository's image tags in line with it (the
 * promotion dialog's diff must start from the version that runs), then
 * records the demo's state for the teardown's comparison.
 */
export default async function globalSetup() {
  const deadline = Date.now() + SETTLING;
  for (;;) {
    let behind: string[];
    try {
      behind = await tagsBehindHistory();
    } catch (error) {
      behind = [String(error)];
    }
    if (behind.length === 0) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The demo's GitOps repository does not carry the versions its history runs, ${
          SETTLING / 1000
        } s after the start:\n${behind.join('\n')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
  process.env.DEMO_STATE_BEFORE_BROWSER_TESTS = JSON.stringify(
    await readDemoState(),
  );
}
