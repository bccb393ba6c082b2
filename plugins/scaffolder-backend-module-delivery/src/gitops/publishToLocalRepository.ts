import { Config } from '@backstage/config';
import path from 'node:path';
import { commitAuthor } from './commitAuthor';
import { GitOpsPublication, selectFilesToWrite } from './gitopsPublication';
import {
  commitToLocalRepository,
  compareWithWorkingTree,
} from './localGitRepository';

/** The demo's local GitOps repository, relative to the backend's working directory. */
const DEFAULT_LOCAL_GITOPS_PATH = '.delivery-demo/gitops';

/**
 * Commits the publication to a local git repository (the demo's stand-in for
 * the GitOps repository), in a checkpoint so a retried task commits once.
 */
export async function publishToLocalRepository(
  publication: GitOpsPublication,
  config: Config,
): Promise<void> {
  const { ctx } = publication;
  // The same repository, by default, as the delivery backend's gitops-local executor.
  const dir = path.resolve(
    ctx.input.repositoryPath ??
      config.getOptionalString('delivery.gitops.local.path') ??
      DEFAULT_LOCAL_GITOPS_PATH,
  );
  ctx.output('repositoryPath', dir);
  const written = await selectFilesToWrite(
    publication,
    compareWithWorkingTree(dir),
  );
  if (!written.length) {
    ctx.logger.info(`${dir} keeps all its files; no commit`);
    ctx.output('changed', false);
    return;
  }
  const change = publication.describe(written);
  if (ctx.isDryRun) {
    ctx.logger.info(
      `Dry run: would commit ${change.files.length} files to ${dir}`,
    );
    ctx.output('changed', false);
    return;
  }
  const commit = await ctx.checkpoint({
    key: `gitops.local.commit.${change.digest}`,
    fn: async () => ({
      ...(await commitToLocalRepository({
        dir,
        files: change.files,
        message: change.message,
        author: commitAuthor(config),
        defaultBranch: 'main',
      })),
    }),
  });
  ctx.logger.info(
    commit.changed
      ? `Committed ${commit.commitHash} to ${dir}`
      : `${dir} already holds this change at ${commit.commitHash}; no new commit`,
  );
  ctx.output('commitHash', commit.commitHash);
  ctx.output('changed', commit.changed);
}
