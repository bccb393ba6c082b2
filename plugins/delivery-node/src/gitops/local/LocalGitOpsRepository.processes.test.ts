import { createMockDirectory } from '@backstage/backend-test-utils';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { uncleanFiles } from '../../__testUtils__/workingTree';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../../../../..');
const SCRIPT = resolve(__dirname, '__fixtures__/commitChanges.ts');

/** Runs the script in a Node process of its own; its stdout, one SHA a line. */
function commitInAnotherProcess(
  dir: string,
  writer: string,
  count: number,
): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        join(ROOT, 'node_modules/@backstage/cli/config/nodeTransform.cjs'),
        SCRIPT,
        dir,
        writer,
        String(count),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.stderr.on('data', chunk => (err += chunk));
    child.on('error', fail);
    child.on('exit', code =>
      code === 0
        ? done(out.trim().split('\n'))
        : fail(new Error(`${writer} exited with ${code}: ${err}`)),
    );
  });
}

describe('LocalGitOpsRepository across processes', () => {
  const mockDir = createMockDirectory();

  it('keeps every commit of two processes that create and write one repository at once', async () => {
    const dir = join(mockDir.path, 'gitops');
    const count = 8;

    const [first, second] = await Promise.all([
      commitInAnotherProcess(dir, 'alpha', count),
      commitInAnotherProcess(dir, 'beta', count),
    ]);

    const log = await git.log({ fs, dir, ref: 'main' });
    const subjects = log.map(entry => entry.commit.message.split('\n')[0]);
    expect(
      subjects.filter(s => s === 'Create the GitOps repository'),
    ).toHaveLength(1);
    expect(log).toHaveLength(2 * count + 1);
    // Every commit a process reported is on the branch.
    const onBranch = new Set(log.map(entry => entry.oid));
    expect([...first, ...second].every(sha => onBranch.has(sha))).toBe(true);
    expect(new Set([...first, ...second]).size).toBe(2 * count);
    // No change overwrote another's edit of the shared file.
    const shared = fs.readFileSync(join(dir, 'shared.txt'), 'utf8');
    expect(shared.trim().split('\n').sort()).toEqual(
      [...Array(count).keys()]
        .flatMap(index => [`alpha ${index}`, `beta ${index}`])
        .sort(),
    );
    expect(
      fs.readFileSync(join(dir, `apps/beta/change-${count - 1}.yaml`), 'utf8'),
    ).toBe(`writer: beta\nindex: ${count - 1}\n`);
    expect(await uncleanFiles(dir)).toEqual([]);
  });
});
