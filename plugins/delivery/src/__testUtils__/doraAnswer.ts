import {
  DoraResponse,
  DoraSummary,
  DoraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraQuery } from '../api';

const DAY_MS = 24 * 3600 * 1000;

/** DORA's numbers of a scope or bucket where nothing reached production. */
export const noDeployments: DoraSummary = {
  deployments: 0,
  deploymentFrequencyPerDay: 0,
  leadTimeMedianSeconds: null,
  leadTimeP90Seconds: null,
  leadTimeCommits: 0,
  failedDeployments: 0,
  changeFailureRate: null,
  recoveryMedianSeconds: null,
  openFailures: 0,
  reworkRate: null,
};

const unrated: DoraTiers = {
  deploymentFrequency: 'low',
  leadTime: null,
  changeFailureRate: null,
  recovery: null,
};

/**
 * The backend's DORA answer with the given numbers and tiers, and a series
 * of empty buckets (a day or a week each, UTC) over the window asked for.
 */
export function doraAnswer(
  query: DoraQuery,
  summary: Partial<DoraSummary> = {},
  tiers: Partial<DoraTiers> = {},
): DoraResponse {
  const step = query.bucket === 'week' ? 7 * DAY_MS : DAY_MS;
  const first = Math.floor(Date.parse(query.from) / DAY_MS) * DAY_MS;
  const series = [];
  for (let start = first; start < Date.parse(query.to); start += step) {
    const startIso = new Date(start).toISOString();
    series.push({
      ...noDeployments,
      start: startIso,
      end: new Date(start + step).toISOString(),
      label: startIso.slice(0, 10),
    });
  }
  return {
    summary: { ...noDeployments, ...summary },
    tiers: { ...unrated, ...tiers },
    series,
  };
}
