import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The demo sign-in page. It has no name of its own, so it replaces the app plugin's default
 * (guest) sign-in page, `sign-in-page:app`.
 */
export const demoSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => import('./DemoSignInPage').then(m => m.DemoSignInPage),
  },
});

/** App module that lets a visitor sign in as an engineer or a platform admin. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [demoSignInPage],
});
