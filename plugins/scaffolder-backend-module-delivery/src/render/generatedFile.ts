/** A file the golden path generates, by path relative to where it is written. */
export interface GeneratedFile {
  path: string;
  content: string;
}
