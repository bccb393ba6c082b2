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
         * created with `git init` when missing. Defaults to
         * `.delivery-demo/gitops`, as for the delivery backend.
         */
        path?: string;
      };
      /** The GitOps repository on GitHub that pull requests are opened on. */
      github?: {
        /** In the scaffolder's format, e.g. `github.com?owner=acme&repo=gitops`. */
        repoUrl: string;
      };
    };
    /** Service repositories created by the golden path without GitHub (demo). */
    repositories?: {
      local?: {
        /**
         * The folder holding one local git repository per service, absolute or
         * relative to the backend's working directory. Defaults to
         * `.delivery-demo/repositories`.
         */
        path?: string;
      };
    };
  };
}
