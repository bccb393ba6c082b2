import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

// Browser tests drive Debian's Chromium: downloading Playwright's own browser is impossible on
// our machines, and the flags keep Chromium from reaching for hosts the network refuses.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

export default defineConfig({
  timeout: 120_000,

  expect: {
    timeout: 30_000,
  },

  // The tests start the demo portal themselves (frontend :3000, backend :7007), in CI too, so
  // that they exercise exactly what `scripts/start.sh` gives a newcomer.
  webServer: [
    {
      command: 'yarn start app',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
    {
      // With the browser tests' config: a stand-in for GitHub's API and a known webhook secret.
      command:
        'yarn start backend --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
  ],

  // Once the portal answers: wait for the demo to seed its GitOps repository, record the
  // demo's state; after the tests: fail unless they took back everything they added.
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  globalTeardown: './packages/app/e2e-tests/globalTeardown.ts',

  forbidOnly: !!process.env.CI,

  retries: process.env.CI ? 1 : 0,

  workers: 1,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],

  use: {
    actionTimeout: 0,
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },

  outputDir: 'node_modules/.cache/e2e-test-results',

  projects: generateProjects().map(project => ({
    ...project,
    use: { channel: undefined, launchOptions: chromium },
  })),
});
