import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /**
     * The delivery environments, in promotion order (e.g. dev, staging, prod).
     * Defaults to dev → staging → prod, where prod is a production environment
     * promoted from staging with one approval from the entity's owner, none
     * of them with an executor: deployments reported for them are shown, and
     * promotions into them are refused until they are configured here, each
     * with an `executor`.
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
        /**
         * Whether a version is promoted here only once its verification
         * passed in the `from` environment (the `verified_in_source` rule);
         * that environment must configure a `verification`. Defaults to false.
         */
        requireVerifiedSource?: boolean;
      };
      /**
       * Checks run after each succeeded deployment into this environment (a
       * promotion, a rollback or a pipeline's deployment event); each check
       * configured must pass. Results are shown with the deployment.
       */
      verification?: {
        /**
         * The URL answers 2xx, and with `expect` a JSON field equals a value,
         * `successes` times in a row. `{entity}`, `{environment}` and
         * `{version}` in `url` and `expect.equals` are replaced.
         */
        http?: {
          /** e.g. `https://{entity}.{environment}.example.com/version`. */
          url: string;
          expect?: {
            /** A JSONPath into the answer, e.g. `$.version`. */
            jsonPath: string;
            /** The value it must equal, e.g. `{version}`. */
            equals: string;
          };
          /** How many good answers in a row pass the check. Defaults to 3. */
          successes?: number;
          /** How long between two requests. Defaults to 10 seconds. */
          interval?: HumanDuration | string;
          /** How long the check may take before it fails. Defaults to 5 minutes. */
          timeout?: HumanDuration | string;
        };
        /**
         * The entity's Argo CD application for this environment is Synced at
         * the deployed revision and Healthy within `timeout`.
         */
        argocd?: {
          /** The Argo CD URL, e.g. `https://argocd.example.com`. */
          baseUrl: string;
          /**
           * An Argo CD API token allowed to read the applications.
           * @visibility secret
           */
          token: string;
          /**
           * The application name, with an `{environment}` placeholder;
           * defaults to the entity's `domain-delivery.io/argocd-app` annotation.
           */
          appName?: string;
          /** How long between two looks. Defaults to 10 seconds. */
          interval?: HumanDuration | string;
          /** How long it may take. Defaults to 5 minutes. */
          timeout?: HumanDuration | string;
        };
        /**
         * A PromQL query, asked through Prometheus' `/api/v1/query`, stays
         * below or above a threshold for a period.
         */
        prometheus?: {
          /** The Prometheus URL, e.g. `https://prometheus.example.com`. */
          baseUrl: string;
          /**
           * A bearer token for Prometheus, if it needs one.
           * @visibility secret
           */
          token?: string;
          /** The query, with `{entity}`, `{environment}` and `{version}` placeholders. */
          query: string;
          /** The value the query must stay under. */
          below?: number;
          /** The value the query must stay over. */
          above?: number;
          /** How long it must stay there. Defaults to 5 minutes. */
          for?: HumanDuration | string;
          /** How long between two queries. Defaults to 30 seconds. */
          interval?: HumanDuration | string;
          /** How long it may take in all. Defaults to `for` and 5 minutes. */
          timeout?: HumanDuration | string;
        };
        /**
         * Whether a failed verification requests a rollback to the last
         * version whose verification did not fail. A rollback is never
         * rolled back. Defaults to false.
         */
        rollbackOnFailure?: boolean;
        /**
         * Whether that rollback is executed without the environment's
         * approvals. Defaults to false: it waits for them like any other.
         */
        rollbackWithoutApproval?: boolean;
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
       * What carries out a promotion into this environment. No default:
       * without it the environment has no executor, the backend says so at
       * start-up, and promotions into it are refused (409, the `executor`
       * rule) naming this key.
       */
      executor?: {
        /**
         * The executor type: `gitops-local`, `github-pr`, `argocd-sync`, or
         * one that a module adds.
         */
        type: string;
        /**
         * `gitops-local`: the local git repository to commit to, created when
         * missing. Defaults to `delivery.gitops.local.path`; one of the two is
         * required.
         */
        path?: string;
        /**
         * `github-pr`: the GitHub host of the GitOps repository; it needs an
         * `integrations.github` entry, whose token or GitHub App is used.
         * Defaults to `github.com`.
         */
        host?: string;
        /** `github-pr`: the owner (organization or user) of the GitOps repository. */
        owner?: string;
        /** `github-pr`: the name of the GitOps repository. */
        repo?: string;
        /** `github-pr`: the branch pull requests target. Defaults to `main`. */
        baseBranch?: string;
        /**
         * `github-pr`: whether to merge the pull request right away. Without
         * it the promotion succeeds when the pull request is opened, and its
         * deployment stays in progress until a deployment event with the id
         * `promotion-<promotion id>` finishes it. Defaults to false.
         */
        autoMerge?: boolean;
        /**
         * `github-pr`: how `autoMerge` merges: `merge`, `squash` or `rebase`.
         * Defaults to `squash`.
         */
        mergeMethod?: 'merge' | 'squash' | 'rebase';
        /** `argocd-sync`: the Argo CD URL, e.g. `https://argocd.example.com`. */
        baseUrl?: string;
        /**
         * `argocd-sync`: an Argo CD API token allowed to sync the
         * applications.
         * @visibility secret
         */
        token?: string;
        /**
         * `argocd-sync`: the application name, with an `{environment}`
         * placeholder; defaults to the entity's `domain-delivery.io/argocd-app`
         * annotation.
         */
        appName?: string;
        /**
         * `argocd-sync`: how long to wait for the sync to finish, in seconds.
         * Defaults to 300.
         */
        timeoutSeconds?: number;
        /**
         * `argocd-sync`: how often to look at the sync's state, in seconds.
         * Defaults to 5.
         */
        pollIntervalSeconds?: number;
        /** `argocd-sync`: whether the sync prunes resources. Defaults to false. */
        prune?: boolean;
        /** Options of other executor types. */
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
    /** The promotion engine. */
    promotions?: {
      /**
       * How long one execution of a promotion may take before it is aborted
       * and failed, e.g. `15m`; a claim older than this (plus a minute) is
       * taken for a crashed executor and failed. Defaults to 15 minutes.
       */
      executionTimeout?: HumanDuration | string;
      /**
       * How often the execution task (one replica at a time) looks for
       * approved promotions, e.g. `5s`. Defaults to 5 seconds; approvals are
       * also executed right away by the replica that received them.
       */
      executionFrequency?: HumanDuration | string;
    };
    /** The GitOps repository of the `gitops-local` executor. */
    gitops?: {
      local?: {
        /**
         * The directory of the local git repository, relative to the
         * backend's working directory; created when missing. No default: a
         * `gitops-local` environment without its own `path` needs it.
         */
        path?: string;
      };
    };
    /** Notifications about promotions, through the notifications plugin. */
    notifications?: {
      /**
       * Whether to notify approvers and requesters. Defaults to whether the
       * notifications backend plugin is installed in this backend.
       */
      enabled?: boolean;
    };
  };
}
