import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { LocalGitOpsRepository } from './LocalGitOpsRepository';
import { uncleanFiles } from '../../__testUtils__/workingTree';

const author = { name: 'Domain Delivery', email: 'delivery@example.com' };

describe('LocalGitOpsRepository', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());
  const dir = () => join(mockDir.path, 'gitops');
  const repository = (initialCommitMessage?: string) =>
    new LocalGitOpsRepository({ dir: dir(), author, initialCommitMessage });
  const subjects = async () =>
    (await git.log({ fs, dir: dir(), ref: 'main' })).map(
      entry => entry.commit.message.split('\n')[0],
    );

  it('creates the repository once, with an empty first commit and no README', async () => {
    const created = await Promise.all(
      [1, 2, 3].map(() => repository('Create the GitOps repository').create()),
    );
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await subjects()).toEqual(['Create the GitOps repository']);
    expect(fs.readdirSync(dir())).toEqual(['.git']);
  });

  it('commits a change with its diff, and the same change again not at all', async () => {
    const change = {
      files: [
        { path: 'apps/a/values-dev.yaml', content: 'image:\n  tag: "1"\n' },
      ],
      message: 'Set the tag\n',
    };
    const first = await repository().propose(change);
    const again = await repository().propose(change);

    expect(first).toEqual({
      changed: true,
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
      files: [
        {
          path: 'apps/a/values-dev.yaml',
          after: 'image:\n  tag: "1"\n',
          diff: expect.stringContaining('+  tag: "1"'),
        },
      ],
    });
    expect(again).toMatchObject({ changed: false, commitSha: first.commitSha });
    expect(await subjects()).toEqual(['Set the tag']);
    expect(
      (
        await repository().readFile('apps/a/values-dev.yaml')
      )?.content.toString(),
    ).toBe('image:\n  tag: "1"\n');
    expect(await uncleanFiles(dir())).toEqual([]);
  });

  it('lands on a head another writer moved meanwhile, keeping its commit', async () => {
    const local = repository('Create the GitOps repository');
    await local.create();
    // Someone else commits with the git CLI, outside the repository's lock.
    fs.writeFileSync(join(dir(), 'by-hand.txt'), 'edited by hand\n');
    const gitCli = (...args: string[]) =>
      execFileSync('git', ['-C', dir(), ...args], {
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Someone',
          GIT_AUTHOR_EMAIL: 'someone@example.com',
          GIT_COMMITTER_NAME: 'Someone',
          GIT_COMMITTER_EMAIL: 'someone@example.com',
        },
      });
    gitCli('add', 'by-hand.txt');
    gitCli('commit', '-q', '-m', 'By hand');

    const result = await local.propose({
      files: [{ path: 'a.txt', content: 'a\n' }],
      message: 'Add a\n',
    });

    expect(await subjects()).toEqual([
      'Add a',
      'By hand',
      'Create the GitOps repository',
    ]);
    expect(result.commitSha).toBe(
      gitCli('rev-parse', 'main').toString().trim(),
    );
    expect(await uncleanFiles(dir())).toEqual([]);
  });

  it('names a ref lock a crashed git process left, instead of saying the branch kept moving', async () => {
    const local = repository('Create the GitOps repository');
    await local.create();
    const lockFile = join(dir(), '.git', 'refs', 'heads', 'main.lock');
    fs.writeFileSync(lockFile, '');

    const proposal = local.propose({
      files: [{ path: 'a.txt', content: 'a\n' }],
      message: 'Add a\n',
    });

    await expect(proposal).rejects.toThrow(
      `${lockFile} is still there, so refs/heads/main of ${dir()} cannot be moved; a git process that crashed may have left it. Remove it if no git process runs on the repository`,
    );
    expect(await subjects()).toEqual(['Create the GitOps repository']);
  });

  it('refuses a path outside the repository, before touching the disk', async () => {
    await expect(
      repository().propose({
        files: [{ path: '../outside.txt', content: 'x' }],
        message: 'x',
      }),
    ).rejects.toThrow('../outside.txt is outside the GitOps repository');
    expect(fs.existsSync(dir())).toBe(false);
  });
});
