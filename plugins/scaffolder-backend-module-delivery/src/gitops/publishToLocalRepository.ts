import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  LOCAL_GITOPS_PATH_KEY,
  LocalGitOpsRepository,
  readLocalGitOpsPath,
  readScaffolderCommitAuthor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import path from 'node:path';
import { compareWithRepository } from './existingFiles';
import { GitOpsPublication, selectFilesToWrite } from './gitopsPublication';

/**
 * Commits the publication to a local git repository (the demo's stand-in for
 * the GitOps repository, which must be configured), in a checkpoint so a retried task commits once; a
 * repository that holds the change already gets no second commit.
 */
export async function publishToLocalRepository(
  publication: GitOpsPublication,
  config: Config,
): Promise<void> {
  const { ctx } = publication;
  // The same repository, by default, as the delivery backend's gitops-local
  // executor; none when neither names one, rather than a folder nobody chose.
  const dir = ctx.input.repositoryPath
    ? path.resolve(ctx.input.repositoryPath)
    : readLocalGitOpsPath(config);
  if (!dir) {
    throw new InputError(
      `target local needs the folder of the local GitOps repository: give the repositoryPath input or configure ${LOCAL_GITOPS_PATH_KEY}; a GitOps repository on GitHub is target github`,
    );
  }
  ctx.output('repositoryPath', dir);
  const repository = new LocalGitOpsRepository({
    dir,
    author: readScaffolderCommitAuthor(config),
  });
  const written = await selectFilesToWrite(
    publication,
    compareWithRepository(repository),
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
    fn: async () => {
      const proposal = await repository.propose({
        files: change.files,
        message: change.message,
      });
      return { commitHash: proposal.commitSha!, changed: proposal.changed };
    },
  });
  ctx.logger.info(
    commit.changed
      ? `Committed ${commit.commitHash} to ${dir}`
      : `${dir} already holds this change at ${commit.commitHash}; no new commit`,
  );
  ctx.output('commitHash', commit.commitHash);
  ctx.output('changed', commit.changed);
}
