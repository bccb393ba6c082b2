/** The event API's limit on a text field, such as a commit's author. */
export const MAX_TEXT_LENGTH = 255;

const NUL = '\u0000';
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text without what the event API refuses (NUL, unpaired surrogates): a
 * commit message is the author's to write, and one odd character must not
 * cost the deployment its record.
 */
export function storable(text: string): string {
  return text.split(NUL).join('').replace(LONE_SURROGATE, '\ufffd');
}

/** The text, storable and trimmed, cut at 255 characters; undefined when blank. */
export function shortText(text: string): string | undefined {
  const trimmed = storable(text).trim();
  // Cut by code points, so that a pair of surrogates is never split.
  return trimmed
    ? Array.from(trimmed).slice(0, MAX_TEXT_LENGTH).join('').trim()
    : undefined;
}

/** The first line of a commit message that says something, at most 255 characters. */
export function subjectLine(message: string): string | undefined {
  const line = message.split(/\r?\n|\r/).find(text => text.trim());
  return line === undefined ? undefined : shortText(line);
}
