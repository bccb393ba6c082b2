import { ConfigReader } from '@backstage/config';
import { readPromotionSettings } from './readPromotionSettings';

describe('readPromotionSettings', () => {
  it('has safe defaults: no local GitOps repository unless one is configured', () => {
    expect(readPromotionSettings(new ConfigReader({}))).toEqual({
      executionTimeoutMs: 15 * 60_000,
      executionFrequencyMs: 5_000,
    });
  });

  it('reads durations, the repository path and the notifications switch', () => {
    expect(
      readPromotionSettings(
        new ConfigReader({
          delivery: {
            promotions: {
              executionTimeout: '2m',
              executionFrequency: { seconds: 10 },
            },
            gitops: { local: { path: '/srv/gitops' } },
            notifications: { enabled: false },
          },
        }),
      ),
    ).toEqual({
      executionTimeoutMs: 120_000,
      executionFrequencyMs: 10_000,
      gitopsLocalPath: '/srv/gitops',
      notificationsEnabled: false,
    });
  });

  it('names a bad duration', () => {
    expect(() =>
      readPromotionSettings(
        new ConfigReader({
          delivery: { promotions: { executionTimeout: 'soon' } },
        }),
      ),
    ).toThrow('delivery.promotions.executionTimeout is not a valid duration');
  });
});
