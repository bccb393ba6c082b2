import {
  PrometheusVerificationConfig,
  formatDuration,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { fillPlaceholders } from './placeholders';
import {
  ProbeOutcome,
  REQUEST_TIMEOUT_MS,
  VerificationCheckKind,
} from './VerificationCheckKind';

/** The parts of a Prometheus `/api/v1/query` answer the check reads. */
interface PrometheusAnswer {
  status?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?:
      | Array<{ metric?: Record<string, string>; value?: [number, string] }>
      | [number, string];
  };
}

// Every sample of the answer: each series of a vector, or a scalar.
function samples(answer: PrometheusAnswer): number[] {
  const result = answer.data?.result;
  if (answer.data?.resultType === 'scalar' && Array.isArray(result)) {
    return [Number((result as [number, string])[1])];
  }
  return ((result ?? []) as Array<{ value?: [number, string] }>)
    .map(series => Number(series.value?.[1]))
    .filter(value => !Number.isNaN(value));
}

const seconds = (ms: number) => formatDuration(ms / 1000, { exact: true });

/**
 * The Prometheus check: the PromQL query stays below (or above) the
 * threshold for the period; a value on the wrong side fails it.
 */
export const prometheusCheck: VerificationCheckKind<PrometheusVerificationConfig> =
  {
    kind: 'prometheus',
    target: (config, deployment) => fillPlaceholders(config.query, deployment),

    async probe(config, deployment, check, now): Promise<ProbeOutcome> {
      const query = prometheusCheck.target(config, deployment);
      let answer: PrometheusAnswer;
      try {
        const response = await fetch(
          `${config.baseUrl}/api/v1/query?${new URLSearchParams({
            query,
            time: String(now.getTime() / 1000),
          })}`,
          {
            headers: {
              accept: 'application/json',
              ...(config.token && { authorization: `Bearer ${config.token}` }),
            },
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          },
        );
        answer = (await response.json()) as PrometheusAnswer;
        if (!response.ok || answer.status !== 'success') {
          return {
            outcome: 'waiting',
            reason: `Prometheus answered ${response.status}${
              answer.error ? `: ${answer.error}` : ''
            }`,
          };
        }
      } catch (error) {
        return {
          outcome: 'waiting',
          reason: `Prometheus could not be reached: ${
            (error as Error).message
          }`,
        };
      }
      const values = samples(answer);
      if (values.length === 0) {
        return { outcome: 'waiting', reason: 'the query has no data yet' };
      }
      const wrongSide = values.find(value =>
        config.below !== undefined
          ? value >= config.below
          : value <= config.above!,
      );
      if (wrongSide !== undefined) {
        return {
          outcome: 'failed',
          reason:
            config.below !== undefined
              ? `the query reached ${wrongSide}, not below ${config.below}`
              : `the query fell to ${wrongSide}, not above ${config.above}`,
        };
      }
      const holdingSince = check.holdingSince ?? now.toISOString();
      const held = now.getTime() - Date.parse(holdingSince);
      const progress = `held for ${seconds(held)} of ${seconds(config.forMs)}`;
      if (held >= config.forMs) {
        return { outcome: 'passed', progress };
      }
      return {
        outcome: 'waiting',
        reason: `must hold for ${seconds(config.forMs - held)} more`,
        holdingSince,
        progress,
      };
    },
  };
