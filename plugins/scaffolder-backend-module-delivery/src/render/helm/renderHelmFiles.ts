import {
  SHARED_VALUES_FILE_NAME,
  valuesFileName,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { GeneratedFile } from '../generatedFile';
import { yamlText } from '../yamlDocument';
import {
  ChartSpec,
  renderBaseValues,
  renderChartYaml,
  renderEnvironmentValues,
} from './renderChart';
import { VALUES_SCHEMA } from './valuesSchema';

/**
 * A service's chart files, relative to the chart's folder: with `chart`, the
 * chart itself (Chart.yaml, the given templates by path, values.yaml and its
 * schema); always, the values files of the given environments.
 */
export function renderHelmFiles(
  spec: ChartSpec,
  options: {
    chart?: { templates: Record<string, string> };
    environments: Pick<Environment, 'name' | 'production'>[];
  },
): GeneratedFile[] {
  const chart: GeneratedFile[] = options.chart
    ? [
        { path: 'Chart.yaml', content: yamlText(renderChartYaml(spec)) },
        {
          path: SHARED_VALUES_FILE_NAME,
          content: yamlText(renderBaseValues(spec)),
        },
        {
          path: 'values.schema.json',
          content: `${JSON.stringify(VALUES_SCHEMA, null, 2)}\n`,
        },
        ...Object.entries(options.chart.templates).map(([path, content]) => ({
          path,
          content,
        })),
      ]
    : [];
  return [
    ...chart,
    ...options.environments.map(environment => ({
      path: valuesFileName(environment.name),
      content: yamlText(renderEnvironmentValues(spec, environment)),
    })),
  ];
}
