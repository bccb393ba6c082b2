// Phase "delivery": with the app running, pushes a deployment of the READMEs' example entity
// with the CI token the READMEs configure, and sees it on the entity's Deployments tab.
// Usage: node checkDelivery.mjs APP_DIR SCREENSHOT_PATH   (DELIVERY_EVENTS_TOKEN etc. in env)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expectVersionOnDeploymentsTab } from './openDeployments.mjs';
import { pushDeployment } from './pushEvent.mjs';
import { waitUntilReady } from './readiness.mjs';
import { EXAMPLE_ENTITY_FILE } from './testSetup.mjs';

const SERVICE_ANNOTATION = 'domain-delivery.io/service';

/** The example entity's ref; it must carry the annotation that turns delivery on. */
function exampleEntityRef(app) {
  const entity = parse(readFileSync(join(app, EXAMPLE_ENTITY_FILE), 'utf8'));
  if (!entity?.metadata?.annotations?.[SERVICE_ANNOTATION]) {
    throw new Error(
      `the README's catalog-info.yaml example has no ${SERVICE_ANNOTATION}`,
    );
  }
  const namespace = entity.metadata.namespace ?? 'default';
  return `${entity.kind.toLowerCase()}:${namespace}/${entity.metadata.name}`;
}

/** The static token that app-config.yaml gives the delivery plugin's callers, env resolved. */
function ciToken(app) {
  const config = parse(readFileSync(join(app, 'app-config.yaml'), 'utf8'));
  const access = config?.backend?.auth?.externalAccess ?? [];
  const entry = access.find(
    a =>
      a.type === 'static' &&
      a.accessRestrictions?.some(r => r.plugin === 'delivery'),
  );
  if (!entry) {
    throw new Error(
      'app-config.yaml has no static backend.auth.externalAccess token restricted to the delivery plugin',
    );
  }
  return String(entry.options.token).replace(
    /\$\{(\w+)\}/g,
    (_, name) => process.env[name] ?? '',
  );
}

const [app, screenshot] = process.argv.slice(2);
const entityRef = exampleEntityRef(app);
const token = ciToken(app);
const version = `1.4.${Date.now() % 100000}`;

await waitUntilReady({ entityRef });
await pushDeployment({ entityRef, version, token });
await expectVersionOnDeploymentsTab({ entityRef, version, screenshot });
