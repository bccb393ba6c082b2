import { ConfigReader } from '@backstage/config';
import { readGitHubSourceSettings } from './readGitHubSourceSettings';

describe('readGitHubSourceSettings', () => {
  it('records deployments under their own names, with commits, and issues labelled incident, when nothing is configured', () => {
    const settings = readGitHubSourceSettings(new ConfigReader({}));
    expect(settings.deployments.enabled).toBe(true);
    expect(settings.deployments.commits).toBe(true);
    expect(settings.deployments.environmentFor('staging')).toBe('staging');
    expect(settings.incidents).toEqual({
      enabled: true,
      label: 'incident',
      environment: undefined,
    });
    expect(settings.protectionRules.enabled).toBe(true);
  });

  it('maps the GitHub environments it is given and keeps the others', () => {
    const settings = readGitHubSourceSettings(
      new ConfigReader({
        delivery: {
          github: {
            deployments: {
              environments: [
                { github: 'production', environment: 'prod' },
                { github: 'Staging (EU)', environment: 'staging' },
              ],
            },
          },
        },
      }),
    );
    expect(settings.deployments.environmentFor('production')).toBe('prod');
    expect(settings.deployments.environmentFor('Staging (EU)')).toBe('staging');
    expect(settings.deployments.environmentFor('dev')).toBe('dev');
  });

  it('turns each part off, and reads the label without its case', () => {
    const settings = readGitHubSourceSettings(
      new ConfigReader({
        delivery: {
          github: {
            deployments: { enabled: false, commits: false },
            incidents: { enabled: false, label: ' Sev1 ', environment: 'prod' },
            protectionRules: { enabled: false },
          },
        },
      }),
    );
    expect(settings.deployments.enabled).toBe(false);
    expect(settings.deployments.commits).toBe(false);
    expect(settings.incidents).toEqual({
      enabled: false,
      label: 'sev1',
      environment: 'prod',
    });
    expect(settings.protectionRules.enabled).toBe(false);
  });

  it('refuses a GitHub environment mapped twice and a blank label', () => {
    expect(() =>
      readGitHubSourceSettings(
        new ConfigReader({
          delivery: {
            github: {
              deployments: {
                environments: [
                  { github: 'production', environment: 'prod' },
                  { github: 'production', environment: 'staging' },
                ],
              },
            },
          },
        }),
      ),
    ).toThrow(
      "delivery.github.deployments.environments names the GitHub environment 'production' twice",
    );
    expect(() =>
      readGitHubSourceSettings(
        new ConfigReader({
          delivery: { github: { incidents: { label: '  ' } } },
        }),
      ),
    ).toThrow('delivery.github.incidents.label must not be blank');
  });

  it('runs the backfill every 30 minutes over 90 days unless told otherwise, and refuses a window that is no whole number of days', () => {
    expect(readGitHubSourceSettings(new ConfigReader({})).backfill).toEqual({
      enabled: true,
      days: 90,
      host: 'github.com',
      schedule: expect.objectContaining({ frequency: { minutes: 30 } }),
    });
    const configured = readGitHubSourceSettings(
      new ConfigReader({
        delivery: {
          github: {
            backfill: {
              enabled: false,
              days: 30,
              host: 'ghe.example.com',
              schedule: { frequency: { minutes: 5 }, timeout: { minutes: 4 } },
            },
          },
        },
      }),
    ).backfill;
    expect(configured).toEqual({
      enabled: false,
      days: 30,
      host: 'ghe.example.com',
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 4 } },
    });
    expect(() =>
      readGitHubSourceSettings(
        new ConfigReader({ delivery: { github: { backfill: { days: 0.5 } } } }),
      ),
    ).toThrow('delivery.github.backfill.days must be a whole number of days');
  });
});
