import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import {
  createTemplateAction,
  SerializedFile,
  serializeDirectoryContents,
} from '@backstage/plugin-scaffolder-node';
import {
  LocalGitOpsRepository,
  readScaffolderCommitAuthor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import fs from 'fs-extra';
import path from 'node:path';
import { examples } from './repositoryPublishLocal.examples';

// The repository's name is a folder name and the service's name: a DNS label.
const REPOSITORY_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The demo's data folder for service repositories, next to its GitOps repository. */
const DEFAULT_LOCAL_REPOSITORIES_PATH = '.delivery-demo/repositories';

/**
 * Creates the `delivery:repository:publish-local` action: the demo's stand-in
 * for `publish:github`, it commits a new service's repository into a local git
 * repository below `delivery.repositories.local.path`
 * (default `.delivery-demo/repositories`, beside the demo's GitOps repository).
 * Only the demo registers it (its scaffolder module): a production golden
 * path publishes to a real host with `publish:github`.
 *
 * @public
 */
export function createRepositoryPublishLocalAction(options: {
  config: Config;
}) {
  const { config } = options;
  return createTemplateAction({
    id: 'delivery:repository:publish-local',
    description:
      "Commits a folder of the workspace as a new local git repository named after the service, below delivery.repositories.local.path (default .delivery-demo/repositories): the demo's stand-in for publish:github. A retried task commits once; a different repository of the same name is refused.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string().regex(REPOSITORY_NAME).describe("The repository's name"),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'The folder of the workspace to publish; default the whole workspace',
            ),
        defaultBranch: z =>
          z.string().optional().describe('The branch; default main'),
        commitMessage: z =>
          z.string().optional().describe('default: Initial commit'),
      },
      output: {
        repositoryPath: z => z.string().describe('The repository folder'),
        remoteUrl: z => z.string().describe('A file: URL of the repository'),
        commitHash: z => z.string().optional().describe('Its commit'),
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              "The absolute path of the repository's catalog-info.yaml",
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const base =
        config.getOptionalString('delivery.repositories.local.path') ??
        DEFAULT_LOCAL_REPOSITORIES_PATH;
      const dir = resolveSafeChildPath(path.resolve(base), input.name);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      ctx.output('repositoryPath', dir);
      ctx.output('remoteUrl', `file://${dir}`);
      ctx.output('catalogInfoPath', path.join(dir, 'catalog-info.yaml'));
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create the repository ${dir}`);
        return;
      }

      const files = await serializeDirectoryContents(source, {
        gitignore: true,
      });
      const repository = new LocalGitOpsRepository({
        dir,
        author: readScaffolderCommitAuthor(config),
        branch: input.defaultBranch ?? 'main',
      });
      const commit = await ctx.checkpoint({
        key: `repository.local.${input.name}`,
        fn: async () => {
          // Same files: a retry after the commit. Others: someone else's repository.
          if ((await repository.head()) && !(await holdsFiles(dir, files))) {
            throw new ConflictError(
              `A different repository named ${
                input.name
              } already exists in ${path.dirname(dir)}`,
            );
          }
          const proposal = await repository.propose({
            files,
            message: input.commitMessage ?? 'Initial commit',
          });
          return {
            commitHash: proposal.commitSha!,
            changed: proposal.changed,
          };
        },
      });
      if (!(await fs.pathExists(path.join(dir, 'catalog-info.yaml')))) {
        ctx.logger.warn(`${input.name} has no catalog-info.yaml`);
      }
      ctx.logger.info(
        `Published ${input.name} to ${dir} at ${commit.commitHash}`,
      );
      ctx.output('commitHash', commit.commitHash);
    },
  });
}

async function holdsFiles(dir: string, files: SerializedFile[]) {
  for (const file of files) {
    const existing = resolveSafeChildPath(dir, file.path);
    if (
      !(await fs.pathExists(existing)) ||
      !(await fs.readFile(existing)).equals(file.content)
    ) {
      return false;
    }
  }
  return true;
}
