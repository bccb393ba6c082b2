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
}
