import { JsonRecord, isRecord } from '../../routes/request/isRecord';
import { EventFieldProblem } from './EventFieldProblem';

// PostgreSQL's text types cannot hold U+0000 at all (the whole statement fails),
// and a UTF-16 surrogate without its pair is not a character: SQLite stores it
// as U+FFFD, so the id could never be matched again. Both are refused, on both
// databases alike, so that a batch never fails for one bad string.
const NUL = '\u0000';
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

function checkText(field: string, value: string): void {
  if (value.includes(NUL)) {
    throw new EventFieldProblem(
      field,
      'must not contain the NUL character (U+0000)',
    );
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    throw new EventFieldProblem(
      field,
      `must be valid Unicode text; it holds an unpaired surrogate (U+${hex(
        surrogate[0].charCodeAt(0),
      )}) at position ${surrogate.index}`,
    );
  }
}

function childField(parent: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${parent}[${key}]`;
  }
  return parent ? `${parent}.${key}` : key;
}

function checkValue(field: string, value: unknown): void {
  if (typeof value === 'string') {
    checkText(field, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(childField(field, index), item));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkValue(childField(field, key), item);
    }
  }
}

// Whether any text among the values is one checkText refuses: a quick pass
// that names no field, so that valid events (nearly all) build no names.
function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') {
    return value.includes(NUL) || LONE_SURROGATE.test(value);
  }
  if (Array.isArray(value)) {
    return value.some(holdsUnstorableText);
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (holdsUnstorableText(value[key])) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Throws an {@link EventFieldProblem} for the first text in the event (its
 * commits included) that a database would refuse or alter.
 */
export function checkStorableText(event: JsonRecord): void {
  // Only values: the schema check has already dropped every key it does not name.
  if (holdsUnstorableText(event)) {
    checkValue('', event);
  }
}

/**
 * Throws an {@link EventFieldProblem} for the first text anywhere in a request
 * body that a database would refuse or alter, naming its field.
 */
export function checkStorableBody(body: unknown): void {
  checkValue('', body);
}
