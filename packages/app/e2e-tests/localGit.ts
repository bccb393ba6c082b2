import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs `git` in a local repository of the demo (the GitOps repository or a
 * service repository the golden path published) and answers its output.
 */
export function git(repository: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repository, ...args], {
    encoding: 'utf8',
  }).trim();
}

/** The files a commit added or changed, by path in its repository. */
export function committedFiles(repository: string, commit: string): string[] {
  return git(
    repository,
    'show',
    '--name-only',
    '--no-renames',
    '--format=',
    commit,
  ).split('\n');
}

/** The folder a `file:` link of the portal points to. */
export function folderOfFileUrl(url: string): string {
  return fileURLToPath(url);
}

/** Reverts a commit of a local repository with a commit of its own. */
export function revert(repository: string, sha: string) {
  git(
    repository,
    '-c',
    'user.name=Domain Delivery browser test',
    '-c',
    'user.email=browser-test@domain-delivery.example',
    'revert',
    '--no-edit',
    sha,
  );
}
