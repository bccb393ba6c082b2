import {
  Deployment,
  DoraBucket,
  DoraResponse,
  DoraSummary,
  doraTiers,
  median,
  percentileCont,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraQuery } from '../../src/api';

const DAY = 24 * 3600 * 1000;

const finished = (d: Deployment) => Date.parse(d.finishedAt!);
const isRework = (d: Deployment) =>
  d.trigger === 'rollback' || d.trigger === 'hotfix';
const ratio = (part: number, whole: number) =>
  whole > 0 ? part / whole : null;

/** One succeeded production deployment with what DORA derives from it. */
interface DerivedDeployment {
  at: number;
  rework: boolean;
  /** Seconds from each commit it first brought to production. */
  leadTimes: number[];
  /** Seconds until the next deployment repaired it, when that was a rollback or hotfix. */
  recovery?: number;
}

// Like the backend, minus incidents (the fake does not attribute them): a deployment failed
// when the next one is a rollback or a hotfix, and recovered when that one
// finished.
function derive(
  deployments: Deployment[],
  reported: Deployment[],
): DerivedDeployment[] {
  // A deployment without commits brings its head commit, when any event
  // (in any environment) said when it was committed.
  const commitTimes = new Map<string, number>();
  reported.forEach(d =>
    d.commits.forEach(c => commitTimes.set(c.sha, Date.parse(c.committedAt))),
  );
  const byEntity = new Map<string, Deployment[]>();
  deployments.forEach(d =>
    byEntity.set(d.entityRef, [...(byEntity.get(d.entityRef) ?? []), d]),
  );
  const derived: DerivedDeployment[] = [];
  for (const history of byEntity.values()) {
    history.sort((a, b) => finished(a) - finished(b));
    const deployed = new Set<string>();
    history.forEach((d, index) => {
      const shas = d.commits.length
        ? d.commits.map(c => c.sha)
        : [d.commitSha].filter(sha => commitTimes.has(sha));
      const leadTimes = shas
        .filter(sha => !deployed.has(sha))
        .map(sha => (finished(d) - commitTimes.get(sha)!) / 1000);
      shas.forEach(sha => deployed.add(sha));
      const next = history[index + 1];
      derived.push({
        at: finished(d),
        rework: isRework(d),
        leadTimes,
        ...(next &&
          isRework(next) && {
            recovery: (finished(next) - finished(d)) / 1000,
          }),
      });
    });
  }
  return derived;
}

function summarize(
  derived: DerivedDeployment[],
  from: number,
  to: number,
): DoraSummary {
  const inRange = derived.filter(d => d.at >= from && d.at < to);
  const leadTimes = inRange.flatMap(d => d.leadTimes);
  const failed = inRange.filter(d => d.recovery !== undefined);
  return {
    deployments: inRange.length,
    deploymentFrequencyPerDay: inRange.length / ((to - from) / DAY),
    leadTimeMedianSeconds: median(leadTimes),
    leadTimeP90Seconds: percentileCont(leadTimes, 0.9),
    leadTimeCommits: leadTimes.length,
    failedDeployments: failed.length,
    changeFailureRate: ratio(failed.length, inRange.length),
    recoveryMedianSeconds: median(failed.map(d => d.recovery!)),
    openFailures: 0,
    reworkRate: ratio(inRange.filter(d => d.rework).length, inRange.length),
  };
}

function isoWeekLabel(start: Date): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = new Date(start.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week =
    Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function bucketStart(at: number, size: 'day' | 'week'): number {
  const day = Math.floor(at / DAY) * DAY;
  if (size === 'day') {
    return day;
  }
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday is 0
  return day - weekday * DAY;
}

/**
 * DORA over `deployments` (already narrowed to the scope's succeeded
 * production deployments) as the backend answers it, with the series in UTC
 * days or ISO weeks whatever the query's time zone. `reported` are all the
 * deployments the fake knows, for the commit times.
 */
export function inMemoryDora(
  deployments: Deployment[],
  query: DoraQuery,
  reported: Deployment[] = deployments,
): DoraResponse {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (!(from < to)) {
    throw new Error(
      `from must be before to (the window is [from, to)); got from '${query.from}' and to '${query.to}'`,
    );
  }
  const size = query.bucket ?? 'day';
  const derived = derive(deployments, reported);
  const summary = summarize(derived, from, to);
  const series: DoraBucket[] = [];
  for (let start = bucketStart(from, size); start < to; ) {
    const end = start + (size === 'day' ? DAY : 7 * DAY);
    series.push({
      ...summarize(derived, Math.max(from, start), Math.min(to, end)),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      label:
        size === 'day'
          ? new Date(start).toISOString().slice(0, 10)
          : isoWeekLabel(new Date(start)),
    });
    start = end;
  }
  return { summary, tiers: doraTiers(summary), series };
}
