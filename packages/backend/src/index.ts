/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { scaffolderModuleDeliveryDemo } from '@domain-delivery/backstage-plugin-delivery-backend-module-demo';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider
// demo sign-in as an engineer or a platform admin (header x-demo-persona)
backend.add(import('./modules/demoPersonaAuth'));
// a member of a sub-team owns what its parent teams own
backend.add(import('./modules/parentGroupOwnership'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// events plugin: GitHub webhooks at /api/events/http/github, checked against
// events.modules.github.webhookSecret
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// the demo's policy: engineers promote what their teams own, platform admins approve production
backend.add(import('./modules/demoPermissionPolicy'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@domain-delivery/backstage-plugin-delivery-backend'));
// the demo's delivery history and GitOps repository (delivery.demo.enabled)
backend.add(
  import('@domain-delivery/backstage-plugin-delivery-backend-module-demo'),
);
// GitHub's deployments and incident issues, from its webhooks, and its deployment protection
// rule requests, answered by the promotion policy (delivery.github)
backend.add(
  import('@domain-delivery/backstage-plugin-delivery-backend-module-github'),
);
// Argo CD applications' syncs and health; reads nothing until
// delivery.sources.argocd configures an instance
backend.add(
  import('@domain-delivery/backstage-plugin-delivery-backend-module-argocd'),
);
backend.add(
  import(
    '@domain-delivery/backstage-plugin-scaffolder-backend-module-delivery'
  ),
);
// the demo's delivery:repository:publish-local, the golden path's stand-in for GitHub
backend.add(scaffolderModuleDeliveryDemo);
backend.start();
