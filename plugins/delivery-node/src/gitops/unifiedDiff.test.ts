import { unifiedDiff } from './unifiedDiff';

const lines = (count: number, change?: { at: number; text: string }) =>
  `${Array.from({ length: count }, (_, index) =>
    change?.at === index ? change.text : `line ${index + 1}`,
  ).join('\n')}\n`;

describe('unifiedDiff', () => {
  it('is empty when nothing changes', () => {
    expect(unifiedDiff('a.yaml', 'x\n', 'x\n')).toBe('');
  });

  it('gives separate hunks with three lines of context for distant changes', () => {
    const before = lines(20);
    const after = lines(20, { at: 1, text: 'two' }).replace(
      'line 18',
      'eighteen',
    );
    expect(unifiedDiff('a.yaml', before, after)).toBe(
      [
        '--- a/a.yaml',
        '+++ b/a.yaml',
        '@@ -1,5 +1,5 @@',
        ' line 1',
        '-line 2',
        '+two',
        ' line 3',
        ' line 4',
        ' line 5',
        '@@ -15,6 +15,6 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        '+eighteen',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('counts added lines', () => {
    expect(unifiedDiff('a.yaml', 'a\nc\n', 'a\nb\nc\n')).toBe(
      '--- a/a.yaml\n+++ b/a.yaml\n@@ -1,2 +1,3 @@\n a\n+b\n c\n',
    );
  });
});
