import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The chart's templates are files of the package (assets/chart). They are Go
 * templates, not YAML (Helm renders them with the values), so they are fixed
 * text: everything that differs between services and environments is a value,
 * rendered by `render/helm/renderChart.ts` with the yaml library and checked
 * against `values.schema.json`.
 */

/** The chart's fixed files, in the order they are written. */
const CHART_TEMPLATE_PATHS = [
  '.helmignore',
  'templates/_helpers.tpl',
  'templates/deployment.yaml',
  'templates/service.yaml',
  'templates/serviceaccount.yaml',
  'templates/hpa.yaml',
  'templates/ingress.yaml',
  'templates/externalsecret.yaml',
  'templates/poddisruptionbudget.yaml',
];

/** The package's `assets/chart` folder. */
function chartAssetsDir(): string {
  return resolvePackagePath(
    '@domain-delivery/backstage-plugin-scaffolder-backend-module-delivery',
    'assets/chart',
  );
}

/**
 * The chart's fixed files, by path relative to the chart, read when an action
 * needs them (not when the module loads, so that a package without its assets
 * fails the action that writes a chart, not the backend's start).
 */
export async function readChartTemplates(
  dir: string = chartAssetsDir(),
): Promise<Record<string, string>> {
  const entries = [];
  for (const file of CHART_TEMPLATE_PATHS) {
    try {
      entries.push([
        file,
        await fs.promises.readFile(path.join(dir, file), 'utf8'),
      ]);
    } catch (error) {
      throw new ForwardedError(
        `The Helm chart's template ${file} is missing from ${dir}; the scaffolder module is installed without its assets folder`,
        error,
      );
    }
  }
  return Object.fromEntries(entries);
}
