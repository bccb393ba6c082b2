import { Document } from 'yaml';

/**
 * A YAML document of a generated value. Repeated objects are written out in
 * full, never as anchors and aliases, which not every consumer reads.
 */
export function createYamlDocument(value: unknown): Document {
  const document = new Document(value, { aliasDuplicateObjects: false });
  document.directives!.docStart = true;
  return document;
}

const commentLines = (comment: string) =>
  comment.replace(/^(?!$)(?: $)?/gm, '#');

/**
 * The text of a generated YAML document, as written to a file. Comments of
 * one line are the trailing ones (the release next to a pinned action), set
 * two spaces from their value as linters expect; header comments are written
 * on two lines or more.
 */
export function yamlText(document: Document): string {
  return document.toString({
    indent: 2,
    lineWidth: 0,
    commentString: comment =>
      comment.includes('\n')
        ? commentLines(comment)
        : ` ${commentLines(comment)}`,
  });
}
