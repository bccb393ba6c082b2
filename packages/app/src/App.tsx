import { createApp } from '@backstage/frontend-defaults';
import { createFrontendFeatureLoader } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

/**
 * The delivery plugin, fetched as a chunk of its own while the app starts, so
 * that it adds nothing to the app's initial JavaScript (see bench/bundle).
 * app-config.yaml excludes it from `app.packages` discovery, which would
 * otherwise import it statically.
 */
const deliveryPlugin = createFrontendFeatureLoader({
  loader: () => [import('@domain-delivery/backstage-plugin-delivery/alpha')],
});

export default createApp({
  features: [
    catalogPlugin,
    deliveryPlugin,
    navModule,
    homeModule,
    signInModule,
  ],
});
