import {
  formatDuration,
  PipelineHealth,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** A share as a whole percentage, e.g. `92%`. */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** CI health in one line, e.g. `92% of 25 runs succeeded · median 6 min · 1 workflow failing`. */
export function pipelineHealthSummary(health: PipelineHealth): string {
  if (health.successRate === null) {
    return 'No completed runs';
  }
  const failing = health.failingWorkflows.length;
  return [
    `${percent(health.successRate)} of ${health.completedRuns} run${
      health.completedRuns === 1 ? '' : 's'
    } succeeded`,
    `median ${formatDuration(health.medianDurationSeconds ?? 0)}`,
    failing === 0
      ? 'no workflow failing'
      : `${failing} workflow${failing === 1 ? '' : 's'} failing`,
  ].join(' · ');
}
