import { parse } from 'yaml';
import { createYamlDocument, yamlText } from './yamlDocument';

describe('yamlText', () => {
  it('starts the document, repeats shared objects and spaces trailing comments as linters want', () => {
    const shared = { contents: 'read' };
    const document = createYamlDocument({ a: shared, b: shared, uses: 'x@1' });
    document.commentBefore = ' First line\n second line';
    const uses = document.get('uses', true) as any;
    uses.comment = ' v1.0.0';

    const text = yamlText(document);
    expect(text).toBe(
      [
        '# First line',
        '# second line',
        '---',
        'a:',
        '  contents: read',
        'b:',
        '  contents: read',
        'uses: x@1  # v1.0.0',
        '',
      ].join('\n'),
    );
    expect(parse(text)).toEqual({ a: shared, b: shared, uses: 'x@1' });
  });
});
