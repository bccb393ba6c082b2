import { formatDuration, secondsBetween } from './duration';

describe('formatDuration', () => {
  it.each([
    [12, 'less than a minute'],
    [45 * 60, '45 min'],
    [3 * 3600, '3 h'],
    [3 * 3600 + 20 * 60 + 5, '3 h 20 min'],
    [2 * 86400, '2 d'],
    [2 * 86400 + 4 * 3600 + 59, '2 d 4 h'],
    [-5, 'less than a minute'],
  ])('%s seconds read as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('counts the seconds between a timestamp and a moment', () => {
    expect(
      secondsBetween('2026-03-02T10:00:00Z', new Date('2026-03-02T11:30:00Z')),
    ).toBe(5400);
  });
});
