import type { DeliveryApiComponents } from '../schema';

/**
 * A day of the week, as used by recurring freeze windows.
 *
 * @public
 */
export type Weekday = DeliveryApiComponents['schemas']['WeeklyTime']['day'];

/**
 * A freeze window that comes back every week, e.g. from Friday 16:00 to
 * Monday 08:00 in Europe/Berlin; it may wrap around the end of the week.
 *
 * @public
 */
export type RecurringFreezeWindow = Extract<
  DeliveryApiComponents['schemas']['FreezeWindow'],
  { type: 'recurring' }
>;

/**
 * Which executor carries out promotions into an environment, and its options
 * (e.g. `autoMerge` for `github-pr`), as configured.
 *
 * @public
 */
export interface ExecutorConfig {
  /**
   * The executor type, matching a registered executor's `type`: this plugin
   * set knows these; modules may add others.
   */
  type: 'gitops-local' | 'github-pr' | 'argocd-sync' | (string & {});
  /** Executor-specific options. */
  [option: string]: unknown;
}

/**
 * How a version gets into an environment.
 *
 * @public
 */
export type PromotionPolicy =
  DeliveryApiComponents['schemas']['Environment']['promotion'];

/**
 * An HTTP check of a deployment: the URL answers 2xx (and, with `expect`, the
 * JSON field equals the value) `successes` times in a row, asked every
 * `intervalMs`, within `timeoutMs`. `{entity}`, `{environment}` and
 * `{version}` in `url` and `expect.equals` are replaced.
 *
 * @public
 */
export interface HttpVerificationConfig {
  /** The URL, with placeholders. */
  url: string;
  /** The JSON field (a JSONPath) that must equal a value, with placeholders. */
  expect?: { jsonPath: string; equals: string };
  /** How many good answers in a row pass the check. */
  successes: number;
  /** How long between two requests. */
  intervalMs: number;
  /** How long the check may take before it fails. */
  timeoutMs: number;
}

/**
 * An Argo CD check of a deployment: the entity's application for the
 * environment is Synced at the deployed revision and Healthy within
 * `timeoutMs`.
 *
 * @public
 */
export interface ArgoCdVerificationConfig {
  /** The Argo CD URL. */
  baseUrl: string;
  /** An Argo CD API token that may read the applications. */
  token: string;
  /** The application name with `{environment}`; defaults to the entity's annotation. */
  appName?: string;
  /** How long between two looks. */
  intervalMs: number;
  /** How long the check may take before it fails. */
  timeoutMs: number;
}

/**
 * A Prometheus check of a deployment: the PromQL query (with the same
 * placeholders as the HTTP check) stays below or above a threshold for
 * `forMs`, asked every `intervalMs`, within `timeoutMs`.
 *
 * @public
 */
export interface PrometheusVerificationConfig {
  /** The Prometheus URL. */
  baseUrl: string;
  /** The PromQL query, with placeholders. */
  query: string;
  /** The value the query must stay under. */
  below?: number;
  /** The value the query must stay over. */
  above?: number;
  /** How long it must stay there. */
  forMs: number;
  /** How long between two queries. */
  intervalMs: number;
  /** How long the check may take before it fails. */
  timeoutMs: number;
  /** A bearer token for Prometheus, if it needs one. */
  token?: string;
}

/**
 * The checks run after every succeeded deployment into an environment, and
 * what happens when they fail.
 *
 * @public
 */
export interface VerificationConfig {
  /** The HTTP check, if configured. */
  http?: HttpVerificationConfig;
  /** The Argo CD check, if configured. */
  argocd?: ArgoCdVerificationConfig;
  /** The Prometheus check, if configured. */
  prometheus?: PrometheusVerificationConfig;
  /** Whether a failed verification requests a rollback to the last verified version. */
  rollbackOnFailure: boolean;
  /** Whether that rollback is executed without the environment's approvals. */
  rollbackWithoutApproval: boolean;
}

/**
 * A configured delivery environment, such as `dev`, `staging` or `prod`, as
 * the API answers it but with its executor's options, which the API leaves out.
 *
 * @public
 */
export interface Environment
  extends Omit<DeliveryApiComponents['schemas']['Environment'], 'executor'> {
  /**
   * What carries out a promotion into this environment; absent when none is
   * configured, and then every promotion into it is refused.
   */
  executor?: ExecutorConfig;
  /** The checks run after each succeeded deployment into it; absent when none are configured. */
  verification?: VerificationConfig;
}
