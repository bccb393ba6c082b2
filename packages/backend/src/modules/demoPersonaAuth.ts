import { createBackendModule } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ForwardedError, InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthProviderFactory,
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/** The auth provider id; the frontend signs in through `/api/auth/demo/refresh`. */
export const DEMO_AUTH_PROVIDER_ID = 'demo';

/** The request header in which the demo sign-in page names the chosen persona. */
export const DEMO_PERSONA_HEADER = 'x-demo-persona';

/** The personas a visitor of the demo portal can act as, and the catalog user behind each. */
export const demoPersonas = {
  engineer: {
    userEntityRef: 'user:default/engineer',
    displayName: 'Engineer (demo)',
  },
  'platform-admin': {
    userEntityRef: 'user:default/platform-admin',
    displayName: 'Platform Admin (demo)',
  },
} as const;

/** The id of a demo persona, as sent in the {@link DEMO_PERSONA_HEADER} header. */
export type DemoPersona = keyof typeof demoPersonas;

/** What the demo authenticator hands to the sign-in resolver. */
export type DemoPersonaResult = { persona: DemoPersona };

function isDemoPersona(value: string): value is DemoPersona {
  return Object.prototype.hasOwnProperty.call(demoPersonas, value);
}

/**
 * Whether the provider may sign anyone in. Anyone can claim any persona, so like Backstage's
 * guest provider it only works in local development unless explicitly allowed.
 */
function isAllowedToSignIn(config: Config): boolean {
  return (
    process.env.NODE_ENV === 'development' ||
    config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') === true
  );
}

const refusedOutsideDevelopment = `The '${DEMO_AUTH_PROVIDER_ID}' auth provider lets anyone act as any demo persona and is refused outside of development; set 'auth.providers.${DEMO_AUTH_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment: true' to enable it anyway`;

/** Reads the chosen persona from the {@link DEMO_PERSONA_HEADER} request header. */
export const demoPersonaAuthenticator = createProxyAuthenticator({
  async defaultProfileTransform(result: DemoPersonaResult) {
    return {
      profile: { displayName: demoPersonas[result.persona].displayName },
    };
  },
  initialize({ config }) {
    return { allowed: isAllowedToSignIn(config) };
  },
  async authenticate({ req }, { allowed }) {
    if (!allowed) {
      throw new NotAllowedError(refusedOutsideDevelopment);
    }
    const persona = req.header(DEMO_PERSONA_HEADER);
    if (!persona || !isDemoPersona(persona)) {
      throw new InputError(
        `The '${DEMO_PERSONA_HEADER}' header must name a demo persona, one of ${Object.keys(
          demoPersonas,
        ).join(', ')}; got ${persona ? `'${persona}'` : 'none'}`,
      );
    }
    return { result: { persona } };
  },
});

/**
 * Signs the persona in as its catalog user, so that its ownership refs are the user's groups
 * in the catalog (e.g. `group:default/platform-admins`).
 */
export const signInAsDemoPersona: SignInResolver<DemoPersonaResult> = async (
  { result },
  ctx,
) => {
  const { userEntityRef } = demoPersonas[result.persona];
  try {
    return await ctx.signInWithCatalogUser({ entityRef: userEntityRef });
  } catch (error) {
    throw new ForwardedError(
      `Demo persona '${result.persona}' signs in as ${userEntityRef}, which must be in the catalog (examples/org.yaml)`,
      error,
    );
  }
};

const demoProviderFactory = createProxyAuthProviderFactory({
  authenticator: demoPersonaAuthenticator,
  signInResolver: signInAsDemoPersona,
});

/** Registers the demo persona provider; tells operators at startup when it is refused. */
const demoProviderFactoryWithWarning: AuthProviderFactory = options => {
  if (!isAllowedToSignIn(options.config)) {
    options.logger.warn(refusedOutsideDevelopment);
  }
  return demoProviderFactory(options);
};

/** Auth module that adds the demo sign-in as an engineer or a platform admin. */
export const authModuleDemoPersonaProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-persona-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: DEMO_AUTH_PROVIDER_ID,
          factory: demoProviderFactoryWithWarning,
        });
      },
    });
  },
});

export default authModuleDemoPersonaProvider;
