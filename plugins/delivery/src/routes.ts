import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The Delivery overview page, `/delivery` in the demo app.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'delivery' });

/**
 * A domain's delivery page, below the overview page.
 *
 * @public
 */
export const domainRouteRef = createSubRouteRef({
  id: 'delivery:domain',
  parent: rootRouteRef,
  path: '/domains/:namespace/:name',
});

/**
 * The approvals inbox and promotion history, below the overview page.
 *
 * @public
 */
export const approvalsRouteRef = createSubRouteRef({
  id: 'delivery:approvals',
  parent: rootRouteRef,
  path: '/approvals',
});

/**
 * A platform admin's freezes and halts, below the overview page.
 *
 * @public
 */
export const controlsRouteRef = createSubRouteRef({
  id: 'delivery:controls',
  parent: rootRouteRef,
  path: '/controls',
});

/** Where the component page's Deployments tab is mounted. */
export const entityContentRouteRef = createRouteRef({
  id: 'delivery:entity-content',
});

/** Where the Domain page's Delivery tab is mounted. */
export const entityDomainContentRouteRef = createRouteRef({
  id: 'delivery:entity-domain-content',
});
