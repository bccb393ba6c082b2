import { HttpResponse, http } from 'msw';

// Peers of the verification checks as msw handlers, answering what the real
// services answer (trimmed to what matters): a service's version endpoint,
// Argo CD's `GET /api/v1/applications/{name}` and Prometheus' `/api/v1/query`.

/** The Argo CD instance of the tests. */
export const ARGOCD_URL = 'https://argocd.example.test';
/** The Prometheus of the tests. */
export const PROMETHEUS_URL = 'https://prometheus.example.test';
/** The services' own URLs: `https://<entity>.<environment>.example.test`. */
export const serviceUrl = (entity: string, environment: string) =>
  `https://${entity}.${environment}.example.test`;

/** A service's `/version` endpoint answering the version it runs. */
export function versionEndpoint(
  entity: string,
  environment: string,
  answer: () => { status: number; version?: string },
) {
  return http.get(`${serviceUrl(entity, environment)}/version`, () => {
    const { status, version } = answer();
    return HttpResponse.json(
      status < 300
        ? { service: entity, version, commit: `head-${version}` }
        : {
            error: 'upstream connect error or disconnect/reset before headers',
          },
      { status },
    );
  });
}

/**
 * An Argo CD `Application` as `GET /api/v1/applications/{name}` answers it,
 * trimmed: synced at `revision`, with an image tagged `version`.
 */
export function argoCdApplication(options: {
  name: string;
  revision: string;
  version: string;
  sync: 'Synced' | 'OutOfSync';
  health: 'Healthy' | 'Progressing' | 'Degraded';
  healthMessage?: string;
}) {
  return {
    metadata: {
      name: options.name,
      namespace: 'argocd',
      uid: '7c4d8b1e-3f0a-4c1b-9a55-2f1e3c7b9d10',
      resourceVersion: '48213377',
      creationTimestamp: '2026-10-02T08:14:55Z',
      labels: { 'app.kubernetes.io/part-of': 'smart-city' },
    },
    spec: {
      project: 'smart-city',
      source: {
        repoURL: 'https://github.com/example/gitops.git',
        path: `apps/smart-city/${options.name}`,
        targetRevision: 'main',
        helm: { valueFiles: ['values.yaml'] },
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: 'smart-city',
      },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status: {
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'smart-city',
          name: options.name,
          status: options.sync,
          health: {
            status: options.health,
            ...(options.healthMessage && { message: options.healthMessage }),
          },
        },
      ],
      summary: {
        images: [`ghcr.io/example/parking-api:${options.version}`],
      },
      sync: {
        status: options.sync,
        comparedTo: {
          source: {
            repoURL: 'https://github.com/example/gitops.git',
            path: `apps/smart-city/${options.name}`,
            targetRevision: 'main',
          },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'smart-city',
          },
        },
        revision: options.revision,
      },
      health: {
        status: options.health,
        ...(options.healthMessage && { message: options.healthMessage }),
      },
      history: [
        {
          revision: options.revision,
          deployedAt: '2026-12-06T04:40:11Z',
          id: 12,
          source: {
            repoURL: 'https://github.com/example/gitops.git',
            path: `apps/smart-city/${options.name}`,
            targetRevision: 'main',
          },
        },
      ],
      reconciledAt: '2026-12-06T04:41:02Z',
      operationState: {
        operation: { sync: { revision: options.revision } },
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        syncResult: { revision: options.revision },
        startedAt: '2026-12-06T04:40:09Z',
        finishedAt: '2026-12-06T04:40:11Z',
      },
      sourceType: 'Helm',
    },
  };
}

/** Argo CD's answer for the application, asked with the test's token. */
export function argoCdApplicationEndpoint(
  name: string,
  answer: () => ReturnType<typeof argoCdApplication>,
  seen: string[] = [],
) {
  return http.get(
    `${ARGOCD_URL}/api/v1/applications/${name}`,
    ({ request }) => {
      seen.push(request.headers.get('authorization') ?? '');
      if (request.headers.get('authorization') !== 'Bearer argocd-token') {
        return HttpResponse.json(
          {
            error: 'invalid session: token is expired',
            code: 16,
            message: 'invalid session: token is expired',
          },
          { status: 401 },
        );
      }
      return HttpResponse.json(answer());
    },
  );
}

/**
 * Prometheus' answer to an instant query: a vector with one sample per
 * value, as `/api/v1/query` answers it.
 */
export function prometheusQueryEndpoint(
  answer: (query: string) => number[],
  seen: string[] = [],
) {
  return http.get(`${PROMETHEUS_URL}/api/v1/query`, ({ request }) => {
    const url = new URL(request.url);
    const query = url.searchParams.get('query') ?? '';
    const time = Number(url.searchParams.get('time'));
    seen.push(query);
    return HttpResponse.json({
      status: 'success',
      data: {
        resultType: 'vector',
        result: answer(query).map((value, index) => ({
          metric: {
            job: 'parking-api',
            namespace: 'smart-city',
            pod: `parking-api-7d9f6c5b8-${['x2k4q', 'p9s7m'][index % 2]}`,
          },
          value: [time, String(value)],
        })),
      },
    });
  });
}
