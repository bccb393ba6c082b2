// What the adopter test configures for itself, apart from the READMEs' steps: the ports (3000
// and 7007 may be taken by the repository's own browser tests), an in-memory SQLite database,
// and where the READMEs' example entity is registered. Written to app-config.local.yaml,
// which `yarn start` reads after the app's own app-config.yaml.
// Usage: node testSetup.mjs APP_DIR
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const FRONTEND_PORT = Number(process.env.ADOPTER_FRONTEND_PORT ?? 3100);
export const BACKEND_PORT = Number(process.env.ADOPTER_BACKEND_PORT ?? 7100);
export const FRONTEND_URL = `http://localhost:${FRONTEND_PORT}`;
export const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;

/** Where applySteps writes the READMEs' catalog-info.yaml example. */
export const EXAMPLE_ENTITY_FILE = 'examples/delivery-example.yaml';

/** The test's config file in the app: Backstage's local override, read after app-config.yaml. */
export const TEST_CONFIG_FILE = 'app-config.local.yaml';

function testConfig() {
  return {
    app: { baseUrl: FRONTEND_URL, listen: { port: FRONTEND_PORT } },
    backend: {
      baseUrl: BACKEND_URL,
      listen: { port: BACKEND_PORT },
      cors: { origin: FRONTEND_URL },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    catalog: {
      // Only the READMEs' example entity (file locations are relative to packages/backend).
      locations: [{ type: 'file', target: `../../${EXAMPLE_ENTITY_FILE}` }],
    },
  };
}

if (process.argv[1]?.endsWith('testSetup.mjs')) {
  const [app] = process.argv.slice(2);
  writeFileSync(
    join(app, TEST_CONFIG_FILE),
    `# Written by the adopter test: its ports, database and example entity, not an install step.\n${stringify(
      testConfig(),
    )}`,
  );
}
