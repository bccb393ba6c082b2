import { HttpVerificationConfig } from '@domain-delivery/backstage-plugin-delivery-common';
import { JSONPath } from 'jsonpath-plus';
import { fillPlaceholders } from './placeholders';
import {
  ProbeOutcome,
  REQUEST_TIMEOUT_MS,
  VerificationCheckKind,
} from './VerificationCheckKind';

// The value at the JSONPath, if the answer has one there.
function valueAt(json: unknown, path: string): unknown {
  const [first] = JSONPath({ path, json: json as object, wrap: true }) as
    | unknown[]
    | [];
  return first;
}

/**
 * The HTTP check: the URL answers 2xx, and with `expect` the JSON field
 * equals the value, `successes` times in a row.
 */
export const httpCheck: VerificationCheckKind<HttpVerificationConfig> = {
  kind: 'http',
  target: (config, deployment) =>
    fillPlaceholders(config.url, deployment, { encode: true }),

  async probe(config, deployment, check): Promise<ProbeOutcome> {
    const url = httpCheck.target(config, deployment);
    const before = check.successes ?? 0;
    const progress = (count: number) =>
      `${count} of ${config.successes} answers in a row`;
    const wrong = (reason: string): ProbeOutcome => ({
      outcome: 'waiting',
      reason,
      successes: 0,
      progress: progress(0),
    });

    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      return wrong(`${url} could not be reached: ${(error as Error).message}`);
    }
    if (!response.ok) {
      return wrong(`${url} answered ${response.status}`);
    }
    if (config.expect) {
      const expected = fillPlaceholders(config.expect.equals, deployment);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return wrong(`${url} did not answer JSON`);
      }
      const actual = valueAt(body, config.expect.jsonPath);
      if (actual === undefined) {
        return wrong(`${url} answered no ${config.expect.jsonPath}`);
      }
      if (String(actual) !== expected) {
        return wrong(
          `${config.expect.jsonPath} is '${String(actual)}', not '${expected}'`,
        );
      }
    }
    const successes = before + 1;
    if (successes >= config.successes) {
      return { outcome: 'passed', progress: progress(config.successes) };
    }
    return {
      outcome: 'waiting',
      reason: `waits for ${config.successes - successes} more good answer(s)`,
      successes,
      progress: progress(successes),
    };
  },
};
