import { Octokit } from '@octokit/rest';
import { CompareWithRepository, gitBlobSha } from './existingFiles';

/**
 * Compares files with those on a branch of a GitHub repository, one contents
 * request per file: only their object ids are compared, so files of any size
 * and repositories of any size (where a recursive tree would be truncated)
 * are answered correctly.
 */
export function compareWithGitHubBranch(options: {
  octokit: Octokit;
  repository: { owner: string; repo: string };
  branch: string;
}): CompareWithRepository {
  const { octokit, repository, branch } = options;
  return async file => {
    try {
      const { data } = await octokit.repos.getContent({
        ...repository,
        path: file.path,
        ref: branch,
      });
      // A folder (an array) or a symlink where the change has a file is another file too.
      return !Array.isArray(data) &&
        data.type === 'file' &&
        data.sha === gitBlobSha(file.content)
        ? 'same'
        : 'different';
    } catch (error) {
      if ((error as { status?: number })?.status === 404) {
        return 'absent';
      }
      throw error;
    }
  };
}
