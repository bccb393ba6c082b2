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

  it.each([
    [40, '40 s'],
    [0, '0 s'],
    [59.6, '1 min'],
    [45 * 60 + 20, '45 min'],
    [86400 + 2 * 3600 + 30 * 60, '1 d 2 h 30 min'],
    [86400 + 30 * 60, '1 d 30 min'],
    [2 * 86400, '2 d'],
  ])('exactly, %s seconds read as %s', (seconds, text) => {
    expect(formatDuration(seconds, { exact: true })).toBe(text);
  });

  it('tells apart durations the short form reads the same', () => {
    const soaked = 86400 + 2 * 3600 + 10 * 60;
    const required = 86400 + 2 * 3600 + 30 * 60;
    expect(formatDuration(soaked)).toBe(formatDuration(required));
    expect(formatDuration(soaked, { exact: true })).toBe('1 d 2 h 10 min');
    expect(formatDuration(required, { exact: true })).toBe('1 d 2 h 30 min');
  });

  it('counts the seconds between a timestamp and a moment', () => {
    expect(
      secondsBetween('2026-03-02T10:00:00Z', new Date('2026-03-02T11:30:00Z')),
    ).toBe(5400);
  });
});
