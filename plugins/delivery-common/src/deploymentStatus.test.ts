import { isNewerStatus } from './deploymentStatus';

describe('isNewerStatus', () => {
  it('never lets an in_progress event replace a finished deployment', () => {
    expect(isNewerStatus('succeeded', 'in_progress')).toBe(false);
    expect(isNewerStatus('failed', 'in_progress')).toBe(false);
    expect(isNewerStatus('cancelled', 'in_progress')).toBe(false);
  });

  it('lets any other later event replace the stored one', () => {
    expect(isNewerStatus('in_progress', 'in_progress')).toBe(true);
    expect(isNewerStatus('in_progress', 'succeeded')).toBe(true);
    expect(isNewerStatus('in_progress', 'failed')).toBe(true);
    expect(isNewerStatus('succeeded', 'failed')).toBe(true);
    expect(isNewerStatus('failed', 'succeeded')).toBe(true);
  });
});
