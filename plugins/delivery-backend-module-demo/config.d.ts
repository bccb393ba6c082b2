export interface Config {
  /** Configuration of the Domain Delivery plugins. */
  delivery?: {
    /** The demo setup, `@domain-delivery/backstage-plugin-delivery-backend-module-demo`. */
    demo?: {
      /**
       * Whether to load the demo's deterministic deployment history into the
       * store, and to give the local GitOps repository
       * (`delivery.gitops.local.path`) a values file per service and
       * environment. Defaults to false: the module adds nothing.
       */
      enabled?: boolean;
    };
  };
}
