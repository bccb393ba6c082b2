/**
 * A day of the week, as used by recurring freeze windows.
 *
 * @public
 */
export type Weekday =
  | 'monday'
  | 'tuesday'
  | 'wednesday'
  | 'thursday'
  | 'friday'
  | 'saturday'
  | 'sunday';

/**
 * A point in the week, in a freeze window's time zone.
 *
 * @public
 */
export interface WeeklyTime {
  /** The day of the week. */
  day: Weekday;
  /** The local time of day as `HH:mm`, 24-hour clock. */
  time: string;
}

/**
 * A freeze window that comes back every week, e.g. from Friday 16:00 to
 * Monday 08:00 in Europe/Berlin; it may wrap around the end of the week.
 *
 * @public
 */
export interface RecurringFreezeWindow {
  type: 'recurring';
  /** When the freeze starts each week. */
  from: WeeklyTime;
  /** When the freeze ends each week (exclusive). */
  to: WeeklyTime;
  /** The IANA time zone `from` and `to` are expressed in, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Why promotions are frozen, shown to the person who is refused. */
  reason?: string;
}

/**
 * A freeze window that happens once, e.g. over a release weekend.
 *
 * @public
 */
export interface OneOffFreezeWindow {
  type: 'once';
  /** Start, ISO 8601 in UTC. */
  start: string;
  /** End (exclusive), ISO 8601 in UTC. */
  end: string;
  /** Why promotions are frozen, shown to the person who is refused. */
  reason?: string;
}

/**
 * A period during which no promotion into an environment is executed.
 *
 * @public
 */
export type FreezeWindow = RecurringFreezeWindow | OneOffFreezeWindow;

/**
 * The kinds of promotion executor this plugin set knows; modules may add others.
 *
 * @public
 */
export type ExecutorType =
  | 'gitops-local'
  | 'github-pr'
  | 'argocd-sync'
  | (string & {});

/**
 * Which executor carries out promotions into an environment, and its options
 * (e.g. `autoMerge` for `github-pr`), as configured.
 *
 * @public
 */
export interface ExecutorConfig {
  /** The executor type, matching a registered executor's `type`. */
  type: ExecutorType;
  /** Executor-specific options. */
  [option: string]: unknown;
}

/**
 * How a version gets into an environment.
 *
 * @public
 */
export interface PromotionPolicy {
  /**
   * The environment a version must have succeeded in before it is promoted
   * here; absent for an environment that only pipelines deploy to.
   */
  promotedFrom?: string;
  /** How many distinct approvers must approve; 0 means none. */
  requiredApprovals: number;
  /**
   * Who may approve: user or group entity refs (`group:default/platform`), or
   * `owner` for the owning group of the entity in the catalog.
   */
  approvers: string[];
  /** Whether the requester's own approval counts. */
  allowSelfApproval: boolean;
  /** How long a version must have run in `promotedFrom` before promotion. */
  minimumSoakSeconds: number;
}

/**
 * A configured delivery environment, such as `dev`, `staging` or `prod`.
 *
 * @public
 */
export interface Environment {
  /** The unique name, e.g. `prod`; used in URLs and `values-<name>.yaml`. */
  name: string;
  /** A human-readable title, e.g. `Production`. */
  title: string;
  /** Whether this is a production environment (the only ones DORA counts). */
  production: boolean;
  /** How a version gets into this environment. */
  promotion: PromotionPolicy;
  /** When promotions into this environment are frozen. */
  freezeWindows: FreezeWindow[];
  /** What carries out a promotion into this environment. */
  executor: ExecutorConfig;
}
