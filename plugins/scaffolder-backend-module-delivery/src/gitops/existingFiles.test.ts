import { execFileSync } from 'node:child_process';
import { gitBlobSha } from '@domain-delivery/backstage-plugin-delivery-node';
import { keepExistingFiles } from './existingFiles';

describe('gitBlobSha', () => {
  it('is the object id git gives the content', () => {
    const content = Buffer.from('replicaCount: 2\nimage:\n  tag: "1.4.0"\n');
    expect(gitBlobSha(content)).toBe(
      execFileSync('git', ['hash-object', '--stdin'], { input: content })
        .toString()
        .trim(),
    );
  });
});

describe('keepExistingFiles', () => {
  const file = (path: string) => ({ path, content: Buffer.from(path) });
  const files = [
    file('absent.yaml'),
    file('same.yaml'),
    file('different.yaml'),
  ];
  const compare = async ({ path }: { path: string }) =>
    path.replace('.yaml', '') as 'absent' | 'same' | 'different';

  it('keeps only the files the repository holds with other content', async () => {
    expect(await keepExistingFiles(files, compare, false)).toEqual({
      write: [file('absent.yaml'), file('same.yaml')],
      kept: ['different.yaml'],
    });
  });

  it('writes every file, without asking, when overwriting', async () => {
    const asked = jest.fn(compare);
    expect(await keepExistingFiles(files, asked, true)).toEqual({
      write: files,
      kept: [],
    });
    expect(asked).not.toHaveBeenCalled();
  });
});
