import { stringifyError } from '@backstage/errors';
import {
  VerificationConfig,
  formatDuration,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  CheckProgress,
  VerificationRecord,
} from '../../database/verifications/VerificationStore';
import { configuredChecks } from './checkKinds';
import {
  ProbeOutcome,
  VerifiedDeployment,
} from './checks/VerificationCheckKind';

// Seconds and more as people say them; less than a second in milliseconds.
const timeoutText = (ms: number) =>
  ms < 1000 ? `${ms} ms` : formatDuration(ms / 1000, { exact: true });

const plus = (now: Date, ms: number) =>
  new Date(now.getTime() + ms).toISOString();

/**
 * Looks once at each check that is due and answers the verification's new
 * state: failed as soon as one check fails (the others stop), passed once
 * all have passed, else running until the earliest check is due again. A
 * check that has not passed within its timeout fails with what it last saw.
 */
export async function checkOnce(
  verification: VerificationRecord,
  config: VerificationConfig,
  deployment: VerifiedDeployment,
  now: Date,
): Promise<VerificationRecord> {
  const configured = new Map(configuredChecks(config).map(c => [c.kind, c]));
  const checks: CheckProgress[] = [];
  for (const check of verification.checks) {
    const kind = configured.get(check.kind);
    const due = !check.dueAt || Date.parse(check.dueAt) <= now.getTime();
    if (check.state !== 'running' || !kind || !due) {
      checks.push(check);
      continue;
    }
    const target = kind.check.target(kind.config, deployment);
    const seen = await kind.check
      .probe(kind.config, deployment, check, now)
      .catch(
        (error): ProbeOutcome => ({
          outcome: 'waiting',
          reason: `the answer could not be read: ${stringifyError(error)}`,
        }),
      );
    const base = { kind: check.kind, target, checkedAt: now.toISOString() };
    if (seen.outcome === 'passed') {
      checks.push({
        ...base,
        state: 'passed',
        ...(seen.progress && { progress: seen.progress }),
      });
      continue;
    }
    if (seen.outcome === 'failed') {
      checks.push({ ...base, state: 'failed', reason: seen.reason });
      continue;
    }
    const deadline = Date.parse(verification.startedAt) + kind.config.timeoutMs;
    if (now.getTime() >= deadline) {
      checks.push({
        ...base,
        state: 'failed',
        reason: `did not pass within ${timeoutText(kind.config.timeoutMs)}: ${
          seen.reason
        }`,
        ...(seen.progress && { progress: seen.progress }),
      });
      continue;
    }
    checks.push({
      ...base,
      state: 'running',
      reason: seen.reason,
      ...(seen.progress && { progress: seen.progress }),
      ...(seen.successes !== undefined && { successes: seen.successes }),
      ...(seen.holdingSince && { holdingSince: seen.holdingSince }),
      dueAt: plus(now, kind.config.intervalMs),
    });
  }
  return settle({ ...verification, checks }, now);
}

/** The verification's state from its checks'. */
export function settle(
  verification: VerificationRecord,
  now: Date,
  failure?: string,
): VerificationRecord {
  const { checks } = verification;
  const failed = checks.find(check => check.state === 'failed');
  const reason =
    failure ?? (failed && `${failed.kind} check: ${failed.reason ?? 'failed'}`);
  if (reason) {
    return {
      ...verification,
      state: 'failed',
      reason,
      finishedAt: now.toISOString(),
      checks: checks.map(({ dueAt, ...check }) =>
        check.state === 'running'
          ? {
              ...check,
              state: 'failed',
              reason: 'stopped: the verification failed',
            }
          : check,
      ),
      nextCheckAt: undefined,
    };
  }
  if (checks.every(check => check.state === 'passed')) {
    return {
      ...verification,
      state: 'passed',
      reason: undefined,
      finishedAt: now.toISOString(),
      nextCheckAt: undefined,
    };
  }
  const due = checks
    .filter(check => check.state === 'running')
    .map(check => (check.dueAt ? Date.parse(check.dueAt) : now.getTime()));
  return {
    ...verification,
    state: 'running',
    nextCheckAt: new Date(Math.min(...due)).toISOString(),
  };
}
