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

/** The text of a generated YAML document, as written to a file. */
export function yamlText(document: Document): string {
  return document.toString({ indent: 2, lineWidth: 0 });
}
