import { ConfigReader } from '@backstage/config';
import { readDoraSettings } from './readDoraSettings';
import { readDeliveryEnvironments } from '@domain-delivery/backstage-plugin-delivery-node';

const settingsOf = (data: object) => {
  const config = new ConfigReader(data);
  return readDoraSettings(config, readDeliveryEnvironments(config));
};

describe('readDoraSettings', () => {
  it('counts the production environments, with a 24 h attribution window by default', () => {
    expect(settingsOf({})).toEqual({
      productionEnvironments: ['prod'],
      incidentAttributionWindowMs: 24 * 3_600_000,
    });
    expect(
      settingsOf({
        delivery: {
          environments: [
            { name: 'dev' },
            { name: 'prod-eu', production: true },
            { name: 'prod-us', production: true },
          ],
        },
      }).productionEnvironments,
    ).toEqual(['prod-eu', 'prod-us']);
  });

  it('reads the attribution window as a string or an object', () => {
    const windowOf = (value: unknown) =>
      settingsOf({ delivery: { dora: { incidentAttributionWindow: value } } })
        .incidentAttributionWindowMs;
    expect(windowOf('2h')).toBe(2 * 3_600_000);
    expect(windowOf('PT30M')).toBe(30 * 60_000);
    expect(windowOf({ days: 2 })).toBe(48 * 3_600_000);
  });

  it('names the key of a window that is not a duration', () => {
    expect(() =>
      settingsOf({
        delivery: { dora: { incidentAttributionWindow: 'soon' } },
      }),
    ).toThrow(/delivery.dora.incidentAttributionWindow/);
  });
});
