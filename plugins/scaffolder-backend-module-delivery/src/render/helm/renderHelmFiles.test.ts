import { parse } from 'yaml';
import {
  describeIf,
  hasSpec,
  jsonSchemaErrors,
  parseStrictYaml,
  readSpecSchema,
} from '../../__testUtils__/specValidation';
import { readChartTemplates } from '../../assets/chartAssets';
import { renderHelmFiles } from './renderHelmFiles';
import { ChartSpec } from './renderChart';
import { VALUES_SCHEMA } from './valuesSchema';

const environments = [
  { name: 'dev', production: false },
  { name: 'staging', production: false },
  { name: 'prod', production: true },
];

const spec: ChartSpec = {
  service: 'parking-api',
  domain: 'smart-city',
  owner: 'group:default/team-smart-city',
  image: 'ghcr.io/domain-delivery-demo/parking-api',
  environments,
  ingressDomain: 'smart-city.example.com',
  ingressClassName: 'nginx',
  secretStore: { kind: 'ClusterSecretStore', name: 'vault' },
};

const CHART_TEMPLATE_FILES: Record<string, string> = {};
const files: Record<string, string> = {};
beforeAll(async () => {
  Object.assign(CHART_TEMPLATE_FILES, await readChartTemplates());
  for (const file of renderHelmFiles(spec, {
    chart: { templates: CHART_TEMPLATE_FILES },
    environments,
  })) {
    files[file.path] = file.content;
  }
});

function strict(text: string): any {
  const { values, problems } = parseStrictYaml(text);
  expect(problems).toEqual([]);
  return values[0];
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges values files the way Helm does: maps deeply, everything else replaced. */
function helmMerge(base: any, override: any): any {
  if (!isMap(base) || !isMap(override)) {
    return override;
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = key in base ? helmMerge(base[key], value) : value;
  }
  return merged;
}

function valuesOf(environment: string): any {
  return helmMerge(
    strict(files['values.yaml']),
    strict(files[`values-${environment}.yaml`]),
  );
}

function cpu(quantity: string): number {
  return quantity.endsWith('m')
    ? Number(quantity.slice(0, -1)) / 1000
    : Number(quantity);
}

function memoryMi(quantity: string): number {
  return quantity.endsWith('Gi')
    ? Number(quantity.slice(0, -2)) * 1024
    : Number(quantity.slice(0, -2));
}

describe('renderHelmFiles', () => {
  it('writes the chart, its schema, its templates and a values file per environment', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        'Chart.yaml',
        'values.yaml',
        'values.schema.json',
        'values-dev.yaml',
        'values-staging.yaml',
        'values-prod.yaml',
        ...Object.keys(CHART_TEMPLATE_FILES),
      ].sort(),
    );
  });

  describeIf(hasSpec('schemastore/chart.json'))(
    "SchemaStore's Helm chart schema",
    () => {
      const schema = () => readSpecSchema('schemastore/chart.json');

      it('accepts the Chart.yaml', () => {
        const chart = strict(files['Chart.yaml']);
        expect(jsonSchemaErrors(schema(), chart)).toEqual([]);
        expect(chart).toMatchObject({
          apiVersion: 'v2',
          name: 'parking-api',
          type: 'application',
        });
      });

      it('refuses a chart without a version (the check is live)', () => {
        const chart = strict(files['Chart.yaml']);
        delete chart.version;
        expect(jsonSchemaErrors(schema(), chart).length).toBeGreaterThan(0);
      });
    },
  );

  it("gives every environment values that pass the chart's own schema", () => {
    const schema = JSON.parse(files['values.schema.json']);
    expect(schema).toEqual(VALUES_SCHEMA);
    for (const { name } of environments) {
      expect({
        name,
        errors: jsonSchemaErrors(schema, valuesOf(name)),
      }).toEqual({
        name,
        errors: [],
      });
    }
    expect(
      jsonSchemaErrors(schema, helmMerge(valuesOf('dev'), { replicas: 3 })),
    ).toEqual(['/ must NOT have additional properties']);
  });

  it('has every value the templates read, in every environment', () => {
    const referenced = new Set<string>();
    for (const template of Object.values(CHART_TEMPLATE_FILES)) {
      for (const match of template.matchAll(/\.Values((?:\.[A-Za-z_]\w*)+)/g)) {
        referenced.add(match[1].slice(1));
      }
    }
    expect(referenced.size).toBeGreaterThan(20);
    for (const { name } of environments) {
      const values = valuesOf(name);
      const missing = [...referenced].filter(
        path =>
          path.split('.').reduce((node: any, key) => node?.[key], values) ===
          undefined,
      );
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });

  it('has templates whose actions and blocks are balanced', () => {
    for (const [path, template] of Object.entries(CHART_TEMPLATE_FILES)) {
      const opened = template.match(/\{\{/g)?.length ?? 0;
      const closed = template.match(/\}\}/g)?.length ?? 0;
      const blocks =
        template.match(/\{\{-?\s*(if|with|range|define)\b/g)?.length ?? 0;
      const ends = template.match(/\{\{-?\s*end\s*-?\}\}/g)?.length ?? 0;
      expect({ path, opened, blocks }).toEqual({
        path,
        opened: closed,
        blocks: ends,
      });
    }
  });

  it('deploys with probes, a service, autoscaling, TLS ingress, an external secret and a disruption budget', () => {
    const kinds = Object.values(CHART_TEMPLATE_FILES)
      .flatMap(template => [
        ...template.matchAll(/^apiVersion: (\S+)\nkind: (\S+)/gm),
      ])
      .map(([, apiVersion, kind]) => `${apiVersion} ${kind}`);
    expect(kinds.sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'external-secrets.io/v1 ExternalSecret',
      'networking.k8s.io/v1 Ingress',
      'policy/v1 PodDisruptionBudget',
      'v1 Service',
      'v1 ServiceAccount',
    ]);
    const deployment = CHART_TEMPLATE_FILES['templates/deployment.yaml'];
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect(deployment).toContain(`${probe}:\n            httpGet:`);
    }
    expect(deployment).toContain('readOnlyRootFilesystem: true');
    expect(deployment).toContain('runAsNonRoot: true');
    const ingress = CHART_TEMPLATE_FILES['templates/ingress.yaml'];
    expect(ingress).toContain(
      'cert-manager.io/cluster-issuer: {{ .Values.ingress.clusterIssuer | quote }}',
    );
    expect(ingress).toContain(
      'secretName: {{ include "service.fullname" . }}-tls',
    );
  });

  it('is stricter in production than in dev', () => {
    const dev = valuesOf('dev');
    const staging = valuesOf('staging');
    const prod = valuesOf('prod');
    expect(prod.autoscaling.minReplicas).toBeGreaterThan(
      staging.autoscaling.minReplicas,
    );
    expect(staging.autoscaling.minReplicas).toBeGreaterThan(
      dev.autoscaling.minReplicas,
    );
    expect(prod.autoscaling.maxReplicas).toBeGreaterThan(
      dev.autoscaling.maxReplicas,
    );
    expect(cpu(prod.resources.requests.cpu)).toBeGreaterThan(
      cpu(dev.resources.requests.cpu),
    );
    expect(memoryMi(prod.resources.requests.memory)).toBeGreaterThan(
      memoryMi(dev.resources.requests.memory),
    );
    expect(memoryMi(prod.resources.limits.memory)).toBeGreaterThan(
      memoryMi(dev.resources.limits.memory),
    );
    expect(prod.podDisruptionBudget).toEqual({
      enabled: true,
      minAvailable: 2,
    });
    expect(dev.podDisruptionBudget.enabled).toBe(false);
    expect(prod.spreadAcrossZones).toBe(true);
    expect(prod.ingress).toMatchObject({
      enabled: true,
      host: 'parking-api.smart-city.example.com',
      clusterIssuer: 'letsencrypt-prod',
    });
    expect(dev.ingress.host).toBe('parking-api.dev.smart-city.example.com');
    expect(prod.externalSecret).toMatchObject({
      remoteKey: 'smart-city/parking-api/prod',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
    });
    // Requests never exceed limits anywhere.
    for (const values of [dev, staging, prod]) {
      expect(cpu(values.resources.requests.cpu)).toBeLessThanOrEqual(
        cpu(values.resources.limits.cpu),
      );
      expect(values.autoscaling.minReplicas).toBeLessThanOrEqual(
        values.autoscaling.maxReplicas,
      );
      expect(values.podDisruptionBudget.minAvailable).toBeLessThan(
        values.autoscaling.minReplicas,
      );
    }
  });

  it('writes only the values of the given environments for a service that has its chart', () => {
    const only = renderHelmFiles(spec, { environments: [environments[1]] });
    expect(only.map(file => file.path)).toEqual(['values-staging.yaml']);
    expect(parse(only[0].content).autoscaling.minReplicas).toBe(2);
  });
});
