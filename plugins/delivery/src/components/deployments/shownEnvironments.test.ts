import { shownEnvironments } from './shownEnvironments';

const items = ['dev', 'staging', 'prod'].map(name => ({
  environment: { name },
}));
const names = (shown: typeof items) => shown.map(i => i.environment.name);

describe('shownEnvironments', () => {
  it('shows every environment when the app chose none', () => {
    expect(names(shownEnvironments(items))).toEqual(['dev', 'staging', 'prod']);
    expect(names(shownEnvironments(items, []))).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });

  it('keeps the promotion order whatever order the app named them in', () => {
    expect(names(shownEnvironments(items, ['prod', 'dev']))).toEqual([
      'dev',
      'prod',
    ]);
  });

  it('ignores names that match no environment', () => {
    expect(names(shownEnvironments(items, ['prod', 'qa']))).toEqual(['prod']);
  });
});
