import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** 2026-03-02T00:00Z; the histories run to mid-April, across the EU summer-time switch. */
export const BASE = Date.UTC(2026, 2, 2);
/** The time `minutes` after {@link BASE}, ISO 8601. */
export const iso = (minutes: number) =>
  new Date(BASE + minutes * MINUTE).toISOString();
/** The date `day` days after {@link BASE}. */
export const isoDate = (day: number) => iso(day * 24 * 60).slice(0, 10);

export const entityRef = (name: string) => `component:default/${name}`;

/** What every part of a random history shares while it is generated. */
export interface RandomHistory {
  seed: number;
  random: SeededRandom;
  production: string[];
  attributionMs: number;
  /**
   * Each event with the reports of it, in the order they are sent (the later
   * reports of one event keep their order; different events interleave).
   */
  reports: DeliveryEvent[][];
  newSha: () => string;
  /** Every commit time, for a head commit that some event lists. */
  commitTimes: Map<string, number>;
  listCommit: (sha: string) => { sha: string; committedAt: string };
  makeCommit: (beforeMinute: number) => string;
  /** The commits of the entities generated so far. */
  otherEntityShas: string[];
}

/** The shared state of a random history of the seed. */
export function randomHistory(seed: number): RandomHistory {
  const random = new SeededRandom(seed);
  // Half the histories have two production environments (regions).
  const production = random.chance(0.5) ? ['prod', 'prod-eu'] : ['prod'];
  const attributionMs = random.pick([DAY, DAY, 6 * HOUR, 90 * MINUTE]);
  let shaCounter = 0;
  const newSha = () => `c${seed}-${shaCounter++}`;
  const commitTimes = new Map<string, number>();
  return {
    seed,
    random,
    production,
    attributionMs,
    reports: [],
    newSha,
    commitTimes,
    listCommit: sha => ({ sha, committedAt: iso(commitTimes.get(sha)!) }),
    makeCommit: beforeMinute => {
      const sha = newSha();
      commitTimes.set(sha, beforeMinute - random.integer(1, 3 * 24 * 60));
      return sha;
    },
    otherEntityShas: [],
  };
}
