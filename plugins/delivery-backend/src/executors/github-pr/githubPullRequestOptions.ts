import { InputError } from '@backstage/errors';
import { ExecutorConfig } from '@domain-delivery/backstage-plugin-delivery-common';

/** The options of the `github-pr` executor, from the environment's `executor`. */
export interface GitHubPullRequestOptions {
  /** The GitHub host, matching an `integrations.github` entry. */
  host: string;
  owner: string;
  repo: string;
  baseBranch: string;
  autoMerge: boolean;
  mergeMethod: 'merge' | 'squash' | 'rebase';
}

const MERGE_METHODS = ['merge', 'squash', 'rebase'] as const;

function text(
  executor: ExecutorConfig,
  key: string,
  fallback?: string,
): string {
  const value = executor[key] ?? fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `The github-pr executor option ${key} must be a non-empty string`,
    );
  }
  return value.trim();
}

/** Reads and checks the executor options; an `InputError` naming the option when wrong. */
export function readGitHubPullRequestOptions(
  executor: ExecutorConfig,
): GitHubPullRequestOptions {
  const autoMerge = executor.autoMerge ?? false;
  if (typeof autoMerge !== 'boolean') {
    throw new InputError(
      'The github-pr executor option autoMerge must be true or false',
    );
  }
  const mergeMethod = text(executor, 'mergeMethod', 'squash');
  if (!MERGE_METHODS.includes(mergeMethod as any)) {
    throw new InputError(
      `The github-pr executor option mergeMethod must be one of ${MERGE_METHODS.join(
        ', ',
      )}`,
    );
  }
  return {
    host: text(executor, 'host', 'github.com'),
    owner: text(executor, 'owner'),
    repo: text(executor, 'repo'),
    baseBranch: text(executor, 'baseBranch', 'main'),
    autoMerge,
    mergeMethod: mergeMethod as GitHubPullRequestOptions['mergeMethod'],
  };
}
