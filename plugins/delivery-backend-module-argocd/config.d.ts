import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /** Sources that fill the deployment history besides the push API. */
    sources?: {
      /**
       * Argo CD applications read by
       * `@domain-delivery/backstage-plugin-delivery-backend-module-argocd`:
       * each new sync of an entity's application (named by its
       * `domain-delivery.io/argocd-app` annotation) becomes a deployment, and
       * the application's sync and health are shown with the environments.
       * Off until an instance is configured.
       */
      argocd?: {
        /**
         * Whether to read Argo CD at all. Defaults to true when at least one
         * instance is configured; `false` turns the source off.
         */
        enabled?: boolean;
        /**
         * The Argo CD instances. An annotation `<instance>/<application>`
         * names the instance; an application name alone is one of the first
         * instance.
         */
        instances?: Array<{
          /** The instance's name, as annotations prefix it, e.g. `main` or `eu`. */
          name: string;
          /**
           * The Argo CD URL, e.g. `https://argocd.example.com`. An instance
           * without a URL or token (an environment variable that is not set)
           * is left out, with a warning.
           */
          url?: string;
          /**
           * An Argo CD API token that may read the applications (an account
           * or project role with `applications, get`).
           *
           * @visibility secret
           */
          token?: string;
        }>;
        /**
         * How often the applications are read; one backend replica reads at a
         * time. Defaults to every minute, with a 5 minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
