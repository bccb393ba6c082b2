import {
  countOf,
  formatDeploymentFrequency,
  formatPeriod,
  formatShare,
} from './formatDora';

describe('formatDeploymentFrequency', () => {
  it.each([
    [0, 'none'],
    [2.25, '2.3 a day'],
    [1, '1 a day'],
    [3 / 7, '3 a week'],
    [1 / 7, '1 a week'],
    [1.5 / 30, '1.5 a month'],
  ])('%s per day reads as %s', (perDay, text) => {
    expect(formatDeploymentFrequency(perDay)).toBe(text);
  });
});

describe('formatShare', () => {
  it('shows a ratio as a percentage with at most one decimal', () => {
    expect(formatShare(1 / 12)).toBe('8.3%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('countOf', () => {
  it('names one thing and many things', () => {
    expect(countOf(1, 'deployment')).toBe('1 deployment');
    expect(countOf(0, 'deployment')).toBe('0 deployments');
    expect(countOf(2, 'hotfix', 'hotfixes')).toBe('2 hotfixes');
  });
});

describe('formatPeriod', () => {
  it('ends on the day before an exclusive midnight', () => {
    expect(
      formatPeriod(
        '2026-03-01T00:00:00.000Z',
        '2026-04-01T00:00:00.000Z',
        'UTC',
      ),
    ).toBe('Mar 1, 2026 – Mar 31, 2026');
  });

  it('reads the days in the given time zone', () => {
    expect(
      formatPeriod(
        '2026-03-01T23:30:00.000Z',
        '2026-03-10T12:00:00.000Z',
        'Europe/Berlin',
      ),
    ).toBe('Mar 2, 2026 – Mar 10, 2026');
  });
});
