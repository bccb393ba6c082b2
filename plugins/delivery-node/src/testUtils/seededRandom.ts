// A 32-bit FNV-1a hash of a string, to seed a stream from a stable input
// such as an entity ref.
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A small seeded pseudo-random stream (mulberry32): the same seed always gives
 * the same sequence, for deterministic simulated histories (the demo's) and
 * randomized tests that must be repeatable.
 *
 * @public
 */
export class SeededRandom {
  private state: number;

  /** A stream seeded from a string, e.g. an entity ref. */
  static fromString(seed: string): SeededRandom {
    return new SeededRandom(hashString(seed));
  }

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One of the items, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A git-like commit SHA: 40 lower-case hex digits. */
  sha(): string {
    let sha = '';
    for (let i = 0; i < 5; i++) {
      sha += Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0');
    }
    return sha;
  }
}
