export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /** The demo setup, `@domain-delivery/backstage-plugin-delivery-backend-module-demo`. */
    demo?: {
      /**
       * Whether to load the demo's deterministic deployment history into the
       * store, and to give the local GitOps repository
       * (`delivery.gitops.local.path`, required then) a values file per
       * service and environment. Defaults to false: the module adds nothing.
       */
      enabled?: boolean;
    };
    /**
     * Service repositories created by the golden path without GitHub, by the
     * demo's `delivery:repository:publish-local` action.
     */
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
