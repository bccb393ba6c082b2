import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /**
     * The delivery environments, in promotion order (e.g. dev, staging, prod).
     * Defaults to dev → staging → prod, where prod is a production environment
     * promoted from staging with one approval from the entity's owner.
     */
    environments?: Array<{
      /**
       * The unique name, lower-case letters, digits and dashes, e.g. `prod`.
       * Used in URLs and in the GitOps file names (`values-<name>.yaml`).
       * @visibility frontend
       */
      name: string;
      /**
       * A human-readable title, e.g. `Production`. Defaults to the name.
       * @visibility frontend
       */
      title?: string;
      /**
       * Whether this is a production environment; only production environments
       * count for DORA. Defaults to false.
       * @visibility frontend
       */
      production?: boolean;
      /** How a version gets into this environment. */
      promotion?: {
        /**
         * The environment a version must have succeeded in before it can be
         * promoted here; must be listed before this one. Defaults to the
         * previous environment in the list (none for the first one).
         */
        from?: string;
        /**
         * How many distinct approvers must approve a promotion. Defaults to 1
         * for production environments and 0 otherwise.
         */
        requiredApprovals?: number;
        /**
         * Who may approve: user or group entity refs such as
         * `group:default/platform-team`, or `owner` for the entity's owning
         * group in the catalog. Defaults to `[owner]`.
         */
        approvers?: string[];
        /**
         * Whether the requester's own approval counts. Defaults to false.
         */
        allowSelfApproval?: boolean;
        /**
         * How long a version must have run in the `from` environment before it
         * can be promoted here, e.g. `2h` or `{ hours: 2 }`. Defaults to none.
         */
        minimumSoakTime?: HumanDuration | string;
      };
      /**
       * Periods during which promotions into this environment are refused:
       * weekly ones (`from`, `to`, `timeZone`) or one-off ones (`start`, `end`).
       */
      freezeWindows?: Array<
        | {
            /** When the freeze starts each week, e.g. `Friday 16:00`. */
            from: string;
            /** When the freeze ends each week, e.g. `Monday 08:00`. */
            to: string;
            /**
             * The IANA time zone of `from` and `to`, e.g. `Europe/Berlin`.
             * Defaults to UTC.
             */
            timeZone?: string;
            /** Why promotions are frozen, shown to whoever is refused. */
            reason?: string;
          }
        | {
            /** The start, ISO 8601, e.g. `2026-12-23T00:00:00+01:00`. */
            start: string;
            /** The end (exclusive), ISO 8601. */
            end: string;
            /**
             * The IANA time zone for `start` and `end` without an offset.
             * Defaults to UTC.
             */
            timeZone?: string;
            /** Why promotions are frozen, shown to whoever is refused. */
            reason?: string;
          }
      >;
      /**
       * What carries out a promotion into this environment. Defaults to
       * `{ type: gitops-local }`.
       */
      executor?: {
        /**
         * The executor type: `gitops-local`, `github-pr`, `argocd-sync`, or
         * one that a module adds.
         */
        type: string;
        /** Options of the executor type. */
        [option: string]: unknown;
      };
    }>;
    /** The event push API, `POST /api/delivery/events`. */
    events?: {
      /**
       * The largest request body accepted, as bytes or a size such as `5mb`;
       * a bigger body is refused with 413. Defaults to `5mb`, room for 1000
       * events with their commits.
       */
      maxBodySize?: string | number;
    };
    /** DORA metrics. */
    dora?: {
      /**
       * How long after a production deployment an incident that names no
       * deployment is attributed to it, e.g. `24h`. Defaults to 24 hours.
       */
      incidentAttributionWindow?: HumanDuration | string;
    };
    /** The demo setup. */
    demo?: {
      /**
       * Whether to load the demo's deterministic deployment history into the
       * store. Defaults to false: the store starts empty.
       */
      enabled?: boolean;
    };
  };
}
