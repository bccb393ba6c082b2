/*
 * The JSON schema of the chart's values, written next to them as
 * `values.schema.json`: Helm checks the merged values of every install and
 * upgrade against it, so a typo in a values file fails before it deploys.
 */

const closedObject = (
  properties: Record<string, object>,
  required = Object.keys(properties),
) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

const positiveInteger = { type: 'integer', minimum: 1 };
const quantity = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi)?$',
};
const probe = closedObject({
  path: { type: 'string', pattern: '^/' },
  periodSeconds: positiveInteger,
  timeoutSeconds: positiveInteger,
  failureThreshold: positiveInteger,
});

/** The schema of the values of the golden path's chart. */
export const VALUES_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Values of a domain service',
  ...closedObject({
    domain: { type: 'string', minLength: 1 },
    image: closedObject(
      {
        repository: { type: 'string', minLength: 1 },
        tag: { type: 'string' },
        pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      },
      ['repository', 'tag', 'pullPolicy'],
    ),
    replicaCount: positiveInteger,
    service: closedObject({
      port: positiveInteger,
      targetPort: positiveInteger,
    }),
    env: { type: 'object', additionalProperties: { type: 'string' } },
    resources: closedObject({
      requests: closedObject({ cpu: quantity, memory: quantity }),
      limits: closedObject({ cpu: quantity, memory: quantity }),
    }),
    autoscaling: closedObject({
      enabled: { type: 'boolean' },
      minReplicas: positiveInteger,
      maxReplicas: positiveInteger,
      targetCPUUtilizationPercentage: {
        type: 'integer',
        minimum: 1,
        maximum: 100,
      },
    }),
    podDisruptionBudget: closedObject({
      enabled: { type: 'boolean' },
      minAvailable: { type: 'integer', minimum: 0 },
    }),
    spreadAcrossZones: { type: 'boolean' },
    ingress: closedObject({
      enabled: { type: 'boolean' },
      className: { type: 'string', minLength: 1 },
      host: { type: 'string', minLength: 1 },
      clusterIssuer: { type: 'string', minLength: 1 },
    }),
    externalSecret: closedObject({
      enabled: { type: 'boolean' },
      refreshInterval: { type: 'string', pattern: '^[0-9]+(s|m|h)$' },
      remoteKey: { type: 'string', minLength: 1 },
      secretStoreRef: closedObject({
        kind: { enum: ['SecretStore', 'ClusterSecretStore'] },
        name: { type: 'string', minLength: 1 },
      }),
    }),
    probes: closedObject({
      startup: probe,
      liveness: probe,
      readiness: probe,
    }),
  }),
};
