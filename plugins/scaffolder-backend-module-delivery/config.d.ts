export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /**
     * The delivery environments in promotion order (declared in full by the
     * delivery backend). The scaffolder actions read only `name` and
     * `production` to decide what each environment gets.
     */
    environments?: Array<{
      /** The environment name, e.g. `prod`. */
      name: string;
      /** Whether this is a production environment. Defaults to false. */
      production?: boolean;
    }>;
    /** The GitOps repository that the golden path writes to. */
    gitops?: {
      /**
       * The repository URL Argo CD reads, e.g.
       * `https://github.com/acme/gitops.git`; the default `repoUrl` of the
       * Argo CD applications the scaffolder generates.
       */
      repoUrl?: string;
      /** The local git repository standing in for the GitOps repository (demo). */
      local?: {
        /**
         * Its folder, absolute or relative to the backend's working directory;
         * created with `git init` when missing. No default: without it,
         * `delivery:gitops:publish` with `target: local` needs the
         * `repositoryPath` input. The same key as the delivery backend's.
         */
        path?: string;
      };
      /** The GitOps repository on GitHub that pull requests are opened on. */
      github?: {
        /** In the scaffolder's format, e.g. `github.com?owner=acme&repo=gitops`. */
        repoUrl: string;
      };
    };
  };
}
