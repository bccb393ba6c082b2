import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readDeliveryEnvironments } from './readDeliveryEnvironments';

function read(staging: JsonObject, prod: JsonObject = {}) {
  return readDeliveryEnvironments(
    new ConfigReader({
      delivery: {
        environments: [
          { name: 'staging', ...staging },
          { name: 'prod', production: true, ...prod },
        ],
      },
    }),
  );
}

describe('delivery.environments[].verification', () => {
  it('reads the HTTP check by its fixed names, with safe defaults', () => {
    const [staging, prod] = read({
      verification: {
        http: {
          url: 'https://{entity}.{environment}.example.com/version/',
          expect: { jsonPath: '$.version', equals: '{version}' },
        },
      },
    });
    expect(staging.verification).toEqual({
      http: {
        url: 'https://{entity}.{environment}.example.com/version',
        expect: { jsonPath: '$.version', equals: '{version}' },
        successes: 3,
        intervalMs: 10_000,
        timeoutMs: 300_000,
      },
      rollbackOnFailure: false,
      rollbackWithoutApproval: false,
    });
    expect(prod.verification).toBeUndefined();
  });

  it('reads Argo CD and Prometheus checks and the automatic rollback', () => {
    const [, prod] = read(
      {},
      {
        verification: {
          argocd: {
            baseUrl: 'https://argocd.example.com',
            token: 'secret',
            timeout: '10m',
          },
          prometheus: {
            baseUrl: 'https://prometheus.example.com',
            query: 'sum(rate(errors{job="{entity}"}[5m]))',
            below: 0.05,
            for: { minutes: 10 },
          },
          rollbackOnFailure: true,
        },
      },
    );
    expect(prod.verification).toEqual({
      argocd: {
        baseUrl: 'https://argocd.example.com',
        token: 'secret',
        intervalMs: 10_000,
        timeoutMs: 600_000,
      },
      prometheus: {
        baseUrl: 'https://prometheus.example.com',
        query: 'sum(rate(errors{job="{entity}"}[5m]))',
        below: 0.05,
        forMs: 600_000,
        intervalMs: 30_000,
        timeoutMs: 900_000,
      },
      rollbackOnFailure: true,
      rollbackWithoutApproval: false,
    });
  });

  it('names the key that is wrong', () => {
    expect(() => read({ verification: {} })).toThrow(
      'delivery.environments[0].verification configures no check; add http, argocd or prometheus, or leave it out',
    );
    expect(() =>
      read({
        verification: {
          prometheus: { baseUrl: 'https://p.example.com', query: 'up' },
        },
      }),
    ).toThrow(
      'delivery.environments[0].verification.prometheus needs exactly one of below and above',
    );
    expect(() =>
      read({ verification: { http: { url: 'file:///etc/passwd' } } }),
    ).toThrow(
      "delivery.environments[0].verification.http.url must be an http or https URL, got 'file:///etc/passwd'",
    );
    expect(() =>
      read({ verification: { http: { url: 'https://x', successes: 0 } } }),
    ).toThrow(
      'delivery.environments[0].verification.http.successes must be a whole number of at least 1, got 0',
    );
  });

  it('requires a verification in the source of an environment that requires verified versions', () => {
    expect(() =>
      read({}, { promotion: { requireVerifiedSource: true } }),
    ).toThrow(
      'delivery.environments[1].promotion.requireVerifiedSource needs a verification in the environment it is promoted from (staging)',
    );
    const [, prod] = read(
      { verification: { http: { url: 'https://x.example.com' } } },
      { promotion: { requireVerifiedSource: true } },
    );
    expect(prod.promotion.requireVerifiedSource).toBe(true);
  });
});
