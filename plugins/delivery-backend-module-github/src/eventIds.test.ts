import { gitHubEventId } from './eventIds';

describe('gitHubEventId', () => {
  it("names GitHub's id, and the host when it is not github.com", () => {
    expect(
      gitHubEventId({ object: 'deployment', host: 'github.com', id: 42 }),
    ).toBe('github-deployment-42');
    expect(
      gitHubEventId({ object: 'issue', host: 'ghe.example.com', id: 7 }),
    ).toBe('github-issue-ghe.example.com-7');
    expect(
      gitHubEventId({
        object: 'issue',
        host: 'github.com',
        id: 7,
        sharedBy: 'component:default/api',
      }),
    ).toBe('github-issue-7:component:default/api');
  });

  it('names the attempt of a workflow run', () => {
    expect(
      gitHubEventId({
        object: 'workflow-run',
        host: 'github.com',
        id: 30433642,
        attempt: 2,
      }),
    ).toBe('github-workflow-run-30433642-attempt-2');
  });
});
