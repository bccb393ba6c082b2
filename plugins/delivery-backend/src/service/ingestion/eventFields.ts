/** A field of an event that is missing or wrong, and why. */
export class EventFieldProblem extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field} ${reason}`);
    this.name = 'EventFieldProblem';
  }
}

/** A JSON object, as events and their commits must be. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Longest values the columns hold.
const MAX_LENGTH = 255;
const MAX_URL_LENGTH = 2048;

// Date, time and an explicit offset; without one a timestamp is ambiguous.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})$/;

// What the API stores and answers: UTC with milliseconds, as toISOString() writes.
const CANONICAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const TIMESTAMP_REASON =
  'must be an ISO 8601 date and time with a time zone, such as 2026-03-02T11:00:00Z';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Milliseconds since the epoch of a strict ISO 8601 timestamp, or NaN. */
function parseTimestamp(value: string): number {
  // Plain arithmetic rather than Date objects: this runs for every timestamp
  // of every event, up to thousands per request.
  const match = TIMESTAMP.exec(value);
  if (!match) {
    return NaN;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] ? Number(match[6]) : 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return NaN;
  }
  const millis = match[7] ? Number(match[7].padEnd(3, '0').slice(0, 3)) : 0;
  let offsetMinutes = 0;
  const offset = match[8];
  if (offset !== 'Z' && offset !== 'z') {
    const hours = Number(offset.slice(1, 3));
    const minutes = Number(offset.slice(-2));
    if (hours > 23 || minutes > 59) {
      return NaN;
    }
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return (
    Date.UTC(year, month - 1, day, hour, minute, second, millis) -
    offsetMinutes * 60_000
  );
}

/** Reads the fields of one event, throwing an {@link EventFieldProblem}. */
export class EventFields {
  constructor(
    private readonly event: JsonRecord,
    private readonly prefix = '',
  ) {}

  private name(field: string): string {
    return `${this.prefix}${field}`;
  }

  private present(field: string): boolean {
    const value = this.event[field];
    return value !== undefined && value !== null;
  }

  /** A non-blank string of at most `maxLength` characters. */
  string(field: string, maxLength = MAX_LENGTH): string {
    const value = this.event[field];
    if (!this.present(field)) {
      throw new EventFieldProblem(this.name(field), 'is required');
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new EventFieldProblem(
        this.name(field),
        'must be a non-empty string',
      );
    }
    if (value.length > maxLength) {
      throw new EventFieldProblem(
        this.name(field),
        `must be at most ${maxLength} characters long`,
      );
    }
    return value;
  }

  optionalString(field: string, maxLength = MAX_LENGTH): string | undefined {
    return this.present(field) ? this.string(field, maxLength) : undefined;
  }

  /** One of the given values. */
  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const value = this.string(field);
    if (!values.includes(value as T)) {
      throw new EventFieldProblem(
        this.name(field),
        `must be one of ${values.join(', ')}; got '${value}'`,
      );
    }
    return value as T;
  }

  /** An ISO 8601 timestamp, returned in UTC with milliseconds. */
  timestamp(field: string): string {
    const value = this.event[field];
    if (!this.present(field)) {
      throw new EventFieldProblem(this.name(field), 'is required');
    }
    const millis = typeof value === 'string' ? parseTimestamp(value) : NaN;
    if (Number.isNaN(millis)) {
      throw new EventFieldProblem(this.name(field), TIMESTAMP_REASON);
    }
    // Most reporters already send the canonical form; formatting is costly.
    return CANONICAL_TIMESTAMP.test(value as string)
      ? (value as string)
      : new Date(millis).toISOString();
  }

  optionalTimestamp(field: string): string | undefined {
    return this.present(field) ? this.timestamp(field) : undefined;
  }

  /** An absolute http(s) URL. */
  optionalUrl(field: string): string | undefined {
    const value = this.optionalString(field, MAX_URL_LENGTH);
    if (value === undefined) {
      return undefined;
    }
    let protocol: string | undefined;
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new EventFieldProblem(
        this.name(field),
        'must be an absolute http or https URL',
      );
    }
    return value;
  }

  /** An array of objects, each read by `read` with its own field prefix. */
  optionalArray<T>(
    field: string,
    maxItems: number,
    read: (item: EventFields) => T,
  ): T[] | undefined {
    const value = this.event[field];
    if (!this.present(field)) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      throw new EventFieldProblem(this.name(field), 'must be an array');
    }
    if (value.length > maxItems) {
      throw new EventFieldProblem(
        this.name(field),
        `must have at most ${maxItems} items`,
      );
    }
    return value.map((item, index) => {
      const itemName = this.name(`${field}[${index}]`);
      if (!isRecord(item)) {
        throw new EventFieldProblem(itemName, 'must be an object');
      }
      return read(new EventFields(item, `${itemName}.`));
    });
  }

  /** Refuses the field when it is present. */
  absent(field: string, reason: string): void {
    if (this.present(field)) {
      throw new EventFieldProblem(this.name(field), reason);
    }
  }
}
