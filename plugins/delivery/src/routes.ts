import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the component page's delivery tab is mounted. */
export const entityContentRouteRef = createRouteRef({
  id: 'delivery:entity-content',
});
