import { eventCommit } from './DeploymentCommits';

describe('eventCommit', () => {
  const committedAt = '2026-12-01T10:00:00Z';

  it("names the author's login and the message's first line", () => {
    expect(
      eventCommit({
        sha: 'a1',
        author: { login: 'octocat' },
        commit: {
          message: '\nRefund in the customer’s currency\n\nWhy it matters.',
          author: { name: 'Mona Lisa Octocat', date: committedAt },
          committer: { date: committedAt },
        },
      }),
    ).toEqual({
      sha: 'a1',
      committedAt,
      message: 'Refund in the customer’s currency',
      author: 'octocat',
    });
  });

  it('falls back to the name git recorded, and drops what the event API refuses', () => {
    expect(
      eventCommit({
        sha: 'a1',
        author: null,
        commit: {
          message: `fix\u0000 the \ud800 thing ${'x'.repeat(300)}`,
          author: { name: 'Mona', date: committedAt },
        },
      }),
    ).toEqual({
      sha: 'a1',
      committedAt,
      message: `fix the \ufffd thing ${'x'.repeat(300)}`.slice(0, 255),
      author: 'Mona',
    });
  });
});
