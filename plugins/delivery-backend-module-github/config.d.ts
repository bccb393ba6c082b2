import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /**
     * GitHub webhooks recorded by
     * `@domain-delivery/backstage-plugin-delivery-backend-module-github`. The
     * deliveries arrive through Backstage's events backend at
     * `/api/events/http/github`, checked against
     * `events.modules.github.webhookSecret`; without a secret that endpoint
     * does not exist. An entity's deliveries are those of the repository its
     * `github.com/project-slug` annotation names.
     */
    github?: {
      /** GitHub deployments and their statuses, as deployments. */
      deployments?: {
        /** Whether to record them. Defaults to true. */
        enabled?: boolean;
        /**
         * The portal environment of each GitHub environment whose name differs
         * from it, e.g. `{ github: production, environment: prod }`. A GitHub
         * environment with no entry keeps its name; one that is not among
         * `delivery.environments` is not recorded.
         */
        environments?: Array<{
          /** The GitHub environment's name, as deployments name it. */
          github: string;
          /** The name of the environment in `delivery.environments`. */
          environment: string;
        }>;
        /**
         * Whether to read, through `integrations.github`, the commits a
         * finished deployment brought since the environment's previous one
         * (for lead time). Defaults to true.
         */
        commits?: boolean;
      };
      /** Issues with a label, as incidents: opened, and resolved when closed. */
      incidents?: {
        /** Whether to record them. Defaults to true. */
        enabled?: boolean;
        /** The label that makes an issue an incident, in any case. Defaults to `incident`. */
        label?: string;
        /**
         * The environment the incidents are reported in. Defaults to the first
         * production environment of `delivery.environments`.
         */
        environment?: string;
      };
      /**
       * The portal as a GitHub App's custom deployment protection rule: on
       * each `deployment_protection_rule` request, the GitHub environment
       * (mapped by `deployments.environments`) is judged by the portal
       * environment's promotion policy (freeze windows, halts, source
       * environment and soak time, approvals), and GitHub's callback is
       * answered through `integrations.github` (the app's credentials):
       * `approved` or `rejected` at once, naming the rule, or once the
       * request, waiting in the approvals inbox, is approved or rejected
       * there, naming who did.
       */
      protectionRules?: {
        /** Whether to answer them. Defaults to true. */
        enabled?: boolean;
      };
      /** Workflow runs, as pipeline runs: one record per attempt. */
      pipelines?: {
        /** Whether to record them. Defaults to true. */
        enabled?: boolean;
      };
      /**
       * The backfill: a scheduled task (one run at a time across replicas)
       * that reads, per repository a catalog entity's
       * `github.com/project-slug` names, its deployments with their statuses
       * and commits, and its workflow runs, through `integrations.github`.
       * The first run reads `days` back; later runs only what changed, each
       * list asked for with the ETag of its last answer (a 304 does not count
       * against GitHub's rate limit). A reached rate limit is waited out.
       */
      backfill?: {
        /** Whether to run it. Defaults to true. */
        enabled?: boolean;
        /** How far back the first run reads, in days. Defaults to 90. */
        days?: number;
        /**
         * When it runs. Defaults to every 30 minutes, the first a minute
         * after the backend starts, each run stopped after 3 hours.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * The GitHub host of the repositories the annotation names (it names
         * only `owner/repo`). Defaults to `github.com`.
         */
        host?: string;
      };
    };
  };
}
