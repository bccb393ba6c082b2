import {
  changeFailureRateTier,
  deploymentFrequencyTier,
  doraTiers,
  leadTimeTier,
  recoveryTier,
} from './tiers';

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

describe('DORA tiers', () => {
  it('puts lead times at a boundary in the worse tier', () => {
    expect(leadTimeTier(0)).toBe('elite');
    expect(leadTimeTier(DAY - 0.001)).toBe('elite');
    expect(leadTimeTier(DAY)).toBe('high');
    expect(leadTimeTier(WEEK - 1)).toBe('high');
    expect(leadTimeTier(WEEK)).toBe('medium');
    expect(leadTimeTier(MONTH - 1)).toBe('medium');
    expect(leadTimeTier(MONTH)).toBe('low');
    expect(leadTimeTier(null)).toBeNull();
  });

  it('puts recovery times at a boundary in the worse tier', () => {
    expect(recoveryTier(HOUR - 1)).toBe('elite');
    expect(recoveryTier(HOUR)).toBe('high');
    expect(recoveryTier(DAY - 1)).toBe('high');
    expect(recoveryTier(DAY)).toBe('medium');
    expect(recoveryTier(WEEK - 1)).toBe('medium');
    expect(recoveryTier(WEEK)).toBe('low');
    expect(recoveryTier(null)).toBeNull();
  });

  it('counts a deployment frequency at a boundary in the better tier', () => {
    expect(deploymentFrequencyTier(1)).toBe('elite');
    expect(deploymentFrequencyTier(30 / 31)).toBe('high');
    // Exactly 1 a week and 1 a month, however the ratio is written.
    expect(deploymentFrequencyTier(1 / 7)).toBe('high');
    expect(deploymentFrequencyTier(4 / 28)).toBe('high');
    expect(deploymentFrequencyTier(12 / 90)).toBe('medium');
    expect(deploymentFrequencyTier(1 / 30)).toBe('medium');
    expect(deploymentFrequencyTier(3 / 90)).toBe('medium');
    expect(deploymentFrequencyTier(2 / 90)).toBe('low');
    expect(deploymentFrequencyTier(0)).toBe('low');
    expect(deploymentFrequencyTier(null)).toBeNull();
  });

  it('counts a change failure rate at a boundary in the better tier', () => {
    expect(changeFailureRateTier(0)).toBe('elite');
    expect(changeFailureRateTier(1 / 20)).toBe('elite');
    expect(changeFailureRateTier(0.0501)).toBe('high');
    expect(changeFailureRateTier(2 / 20)).toBe('high');
    expect(changeFailureRateTier(3 / 20)).toBe('medium');
    expect(changeFailureRateTier(0.1501)).toBe('low');
    expect(changeFailureRateTier(1)).toBe('low');
    expect(changeFailureRateTier(null)).toBeNull();
  });

  it('rates a summary, with null tiers for null metrics', () => {
    expect(
      doraTiers({
        deployments: 0,
        deploymentFrequencyPerDay: 0,
        leadTimeMedianSeconds: null,
        leadTimeP90Seconds: null,
        leadTimeCommits: 0,
        failedDeployments: 0,
        changeFailureRate: null,
        recoveryMedianSeconds: null,
        openFailures: 0,
        reworkRate: null,
      }),
    ).toEqual({
      deploymentFrequency: 'low',
      leadTime: null,
      changeFailureRate: null,
      recovery: null,
    });
  });
});
