import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'fs-extra';
import { GeneratedFile } from '../render/generatedFile';

/**
 * Writes generated files below a folder of the workspace, never outside it,
 * and answers their paths relative to the workspace.
 */
export async function writeGeneratedFiles(
  workspacePath: string,
  targetPath: string,
  files: GeneratedFile[],
): Promise<string[]> {
  const root = resolveSafeChildPath(workspacePath, targetPath);
  for (const file of files) {
    await fs.outputFile(resolveSafeChildPath(root, file.path), file.content);
  }
  const prefix = targetPath === '.' ? '' : `${targetPath.replace(/\/+$/, '')}/`;
  return files.map(file => `${prefix}${file.path}`);
}
