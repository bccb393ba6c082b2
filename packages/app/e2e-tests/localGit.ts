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

/** Reverts commits of a local repository, in the order given, with commits of their own. */
export function revert(repository: string, ...shas: string[]) {
  if (shas.length === 0) {
    return;
  }
  git(
    repository,
    '-c',
    'user.name=Domain Delivery browser test',
    '-c',
    'user.email=browser-test@domain-delivery.example',
    'revert',
    '--no-edit',
    ...shas,
  );
}

/**
 * Reverts, newest first, the commits made on the branch since `since` that
 * touched any of the paths (git pathspecs).
 */
export function revertSince(
  repository: string,
  since: string,
  paths: string[],
) {
  const commits = git(
    repository,
    'log',
    '--format=%H',
    `${since}..HEAD`,
    '--',
    ...paths,
  );
  revert(repository, ...commits.split('\n').filter(Boolean));
}
