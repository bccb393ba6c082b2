import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'fs';
import path from 'path';

/*
 * The chart's templates are files of the package (assets/chart). They are Go
 * templates, not YAML (Helm renders them with the values), so they are fixed
 * text: everything that differs between services and environments is a value,
 * rendered by `renderChart.ts` with the yaml library and checked against
 * `values.schema.json`.
 */
const CHART_DIR = resolvePackagePath(
  '@internal/backstage-plugin-scaffolder-backend-module-delivery',
  'assets/chart',
);

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

/** The chart's fixed files, by path relative to the chart. */
export const CHART_TEMPLATE_FILES: Record<string, string> = Object.fromEntries(
  CHART_TEMPLATE_PATHS.map(file => [
    file,
    fs.readFileSync(path.join(CHART_DIR, file), 'utf8'),
  ]),
);
