/*
 * Run as a process of its own by LocalGitOpsRepository.processes.test.ts:
 * commits `count` changes to the repository in `dir`, creating it if needed.
 * Arguments: <dir> <writer> <count>.
 */
import { LocalGitOpsRepository } from '../LocalGitOpsRepository';

async function main() {
  const [dir, writer, count] = process.argv.slice(2);
  const repository = new LocalGitOpsRepository({
    dir,
    author: { name: writer, email: `${writer}@example.com` },
    initialCommitMessage: 'Create the GitOps repository',
  });
  for (let index = 0; index < Number(count); index++) {
    const result = await repository.propose({
      files: [
        {
          path: `apps/${writer}/change-${index}.yaml`,
          content: `writer: ${writer}\nindex: ${index}\n`,
        },
        // Every change also edits one shared file, on top of the others' edits.
        {
          path: 'shared.txt',
          content: before => `${before ?? ''}${writer} ${index}\n`,
        },
      ],
      message: `${writer}: change ${index}\n`,
    });
    process.stdout.write(`${result.commitSha}\n`);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
