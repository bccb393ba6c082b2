/*
 * The events, record rules, percentiles and window days of the naive DORA
 * reference (see referenceDora.ts), each quoting /work/shared/PRODUCT.md.
 */
import { DateTime } from 'luxon';

/** A deployment event, as in "Deployment and incident events". */
export interface RefDeploymentEvent {
  type: 'deployment';
  id: string;
  entityRef: string;
  environment: string;
  version: string;
  commitSha: string;
  commits?: { sha: string; committedAt: string }[];
  status: 'in_progress' | 'succeeded' | 'failed' | 'cancelled';
  trigger: 'pipeline' | 'promotion' | 'rollback' | 'hotfix';
  startedAt: string;
  finishedAt?: string;
  url?: string;
  actor?: string;
}

/** An incident event, as in "Deployment and incident events". */
export interface RefIncidentEvent {
  type: 'incident';
  id: string;
  entityRef: string;
  environment: string;
  openedAt: string;
  resolvedAt?: string;
  deploymentId?: string;
  url?: string;
}

export type RefEvent = RefDeploymentEvent | RefIncidentEvent;

export interface RefSettings {
  /** Names of the environments configured with `production: true`. */
  productionEnvironments: string[];
  /** `delivery.dora.incidentAttributionWindow`, in milliseconds (default 24 h). */
  incidentAttributionWindowMs?: number;
}

export interface RefQuery {
  /** Window start, inclusive (ISO-8601). */
  from: string;
  /** Window end, exclusive (ISO-8601). */
  to: string;
  /** The entityRefs whose numbers are pooled; absent = every entity. */
  scope?: ReadonlySet<string> | string[];
  /** IANA time zone; "UTC unless a time zone is given". */
  timeZone?: string;
}

export interface RefDoraSummary {
  deployments: number;
  deploymentFrequencyPerDay: number | null;
  leadTimeMedianSeconds: number | null;
  leadTimeP90Seconds: number | null;
  leadTimeCommits: number;
  failedDeployments: number;
  changeFailureRate: number | null;
  recoveryMedianSeconds: number | null;
  openFailures: number;
  reworkRate: number | null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

export const ms = (iso: string) => new Date(iso).getTime();
export const instant = (iso: string, timeZone = 'UTC') =>
  DateTime.fromISO(iso, { zone: timeZone }).toMillis();

/**
 * "Every median and percentile interpolates like SQL's `percentile_cont`":
 * sort ascending, position p * (n - 1), linear interpolation between the two
 * neighbouring values. No values -> null ("Empty buckets give `null` medians,
 * never 0").
 */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * "Event records: one per `id`; a later event with the same `id` replaces the
 * earlier one, except that an `in_progress` event never replaces a finished
 * one (events may arrive in any order)."
 *
 * READING: deployments and incidents have separate id spaces (an incident
 * never replaces a deployment). "Later" = later in arrival order.
 * READING: incidents have no status; the push API says "a later event with
 * the same `id` and a newer status updates it", so the incident analogue of
 * "in_progress never replaces finished" is applied: an event without
 * `resolvedAt` never replaces a resolved incident (a late "open" report does
 * not reopen it). Any other later incident event replaces the earlier one.
 *
 * "An event `id` belongs to one entity and environment; the same `id` with
 * another `entityRef` or `environment` is rejected [...], never applied."
 * READING: it belongs to those of its first report in arrival order.
 */
export function applyRecordRules(events: RefEvent[]): {
  deployments: RefDeploymentEvent[];
  incidents: RefIncidentEvent[];
} {
  const deployments = new Map<string, RefDeploymentEvent>();
  const incidents = new Map<string, RefIncidentEvent>();
  for (const event of events) {
    const first = (event.type === 'deployment' ? deployments : incidents).get(
      event.id,
    );
    if (
      first &&
      (first.entityRef !== event.entityRef ||
        first.environment !== event.environment)
    ) {
      continue; // an id never moves to another entity or environment
    }
    if (event.type === 'deployment') {
      const existing = deployments.get(event.id);
      if (
        existing &&
        event.status === 'in_progress' &&
        FINISHED.has(existing.status)
      ) {
        continue; // an in_progress event never replaces a finished one
      }
      deployments.set(event.id, event);
    } else {
      const existing = incidents.get(event.id);
      if (
        existing &&
        existing.resolvedAt !== undefined &&
        event.resolvedAt === undefined
      ) {
        continue; // an unresolved report never reopens a resolved incident
      }
      incidents.set(event.id, event);
    }
  }
  return {
    deployments: [...deployments.values()],
    incidents: [...incidents.values()],
  };
}

/**
 * "Window `[from, to)`, UTC unless a time zone is given." ...
 * "Deployment frequency = deployments ÷ days in the window".
 *
 * READING: the days in the window are calendar days of the time zone: every
 * local day counts as one (also the 23 h or 25 h day of a DST switch), and a
 * day the window covers only in part counts as the share of that day's real
 * length that lies in the window. In UTC this is (to - from) / 24 h; in a
 * zone with DST a month that contains the switch still has 31 days, not
 * 30.96.
 * (A first version of this reference took the difference of the local
 * wall-clock times; that differs only for a window bound that is not at local
 * midnight on a day next to a DST switch, a case the definition leaves open.)
 */
export function daysInWindow(from: string, to: string, timeZone = 'UTC') {
  const start = DateTime.fromISO(from, { zone: timeZone });
  const end = DateTime.fromISO(to, { zone: timeZone });
  let days = 0;
  for (
    let day = start.startOf('day');
    day.toMillis() < end.toMillis();
    day = day.plus({ days: 1 })
  ) {
    const dayStart = day.toMillis();
    const dayEnd = day.plus({ days: 1 }).toMillis();
    const overlap =
      Math.min(dayEnd, end.toMillis()) - Math.max(dayStart, start.toMillis());
    days += overlap / (dayEnd - dayStart);
  }
  return days;
}
