import { execFileSync } from 'node:child_process';
import path from 'node:path';

/*
 * Where the demo keeps what outlives its in-memory database, as the backend
 * that the browser tests start sees it: the local GitOps repository and the
 * service repositories the golden path publishes (whose catalog-info.yaml
 * files templates/demo-local-repositories.yaml puts in the catalog).
 */

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The backend's working directory, which relative paths are resolved from. */
const BACKEND_DIR = path.join(REPO_ROOT, 'packages/backend');
// What playwright.config.ts starts the backend with.
const CONFIG_FILES = ['app-config.yaml'];

let printedConfig: any;

/** The backend's configuration, read by Backstage's own config loader. */
function backendConfig(): any {
  printedConfig ??= JSON.parse(
    execFileSync(
      process.execPath,
      [
        require.resolve('@backstage/cli/bin/backstage-cli'),
        'config:print',
        '--lax',
        '--format',
        'json',
        ...CONFIG_FILES.flatMap(file => ['--config', file]),
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    ),
  );
  return printedConfig;
}

/**
 * The GitOps repository the backend commits to: `delivery.gitops.local.path`,
 * `.delivery-demo/gitops` by default.
 */
export function gitopsRepository(): string {
  const configured: string | undefined =
    backendConfig().delivery?.gitops?.local?.path;
  return path.resolve(BACKEND_DIR, configured ?? '.delivery-demo/gitops');
}

/**
 * The folder of the service repositories the golden path publishes locally:
 * `delivery.repositories.local.path`, `.delivery-demo/repositories` by default.
 */
export function serviceRepositories(): string {
  const configured: string | undefined =
    backendConfig().delivery?.repositories?.local?.path;
  return path.resolve(BACKEND_DIR, configured ?? '.delivery-demo/repositories');
}
