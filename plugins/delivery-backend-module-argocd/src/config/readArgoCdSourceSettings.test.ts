import { ConfigReader } from '@backstage/config';
import { readArgoCdSourceSettings } from './readArgoCdSourceSettings';

const read = (argocd?: object) =>
  readArgoCdSourceSettings(
    new ConfigReader({ delivery: { sources: argocd && { argocd } } }),
  );

const PRODUCTION = {
  name: 'production',
  url: 'https://argocd.example.com/',
  token: 'argocd-token',
};

describe('readArgoCdSourceSettings', () => {
  it('is off without configuration, so a backend without Argo CD calls nothing', () => {
    expect(read().enabled).toBe(false);
    expect(read({ instances: [] }).enabled).toBe(false);
  });

  it('reads the instances, every minute unless scheduled otherwise', () => {
    expect(
      read({
        instances: [
          PRODUCTION,
          { name: 'staging', url: 'http://argocd.staging:8080', token: 't2' },
        ],
      }),
    ).toEqual({
      enabled: true,
      instances: [
        {
          name: 'production',
          baseUrl: 'https://argocd.example.com',
          token: 'argocd-token',
        },
        {
          name: 'staging',
          baseUrl: 'http://argocd.staging:8080',
          token: 't2',
        },
      ],
      schedule: { frequency: { minutes: 1 }, timeout: { minutes: 5 } },
      leftOut: [],
    });
    expect(
      read({
        instances: [PRODUCTION],
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
      }).schedule,
    ).toEqual({ frequency: { minutes: 5 }, timeout: { minutes: 2 } });
  });

  it('is turned off with enabled: false, instances or not', () => {
    expect(read({ enabled: false, instances: [PRODUCTION] })).toMatchObject({
      enabled: false,
      instances: [],
    });
  });

  it('leaves out an instance whose URL or token is not set, as an unset environment variable leaves it', () => {
    expect(
      read({
        instances: [{ name: 'main' }, { ...PRODUCTION, token: undefined }],
      }),
    ).toMatchObject({
      enabled: false,
      instances: [],
      leftOut: [
        'The Argo CD instance main is not read: delivery.sources.argocd.instances[0] has no url and no token',
        'The Argo CD instance production is not read: delivery.sources.argocd.instances[1] has no token',
      ],
    });
  });

  it('refuses instances it could not tell apart or reach', () => {
    expect(() => read({ instances: [PRODUCTION, PRODUCTION] })).toThrow(
      "delivery.sources.argocd.instances names the instance 'production' twice",
    );
    expect(() =>
      read({ instances: [{ ...PRODUCTION, name: 'prod/eu' }] }),
    ).toThrow("delivery.sources.argocd.instances[0].name 'prod/eu' must be");
    expect(() =>
      read({ instances: [{ ...PRODUCTION, url: 'argocd.example.com' }] }),
    ).toThrow(
      "delivery.sources.argocd.instances[0].url 'argocd.example.com' is not a URL",
    );
    expect(() => read({ instances: [{ ...PRODUCTION, token: ' ' }] })).toThrow(
      'delivery.sources.argocd.instances[0].token must not be blank',
    );
  });
});
