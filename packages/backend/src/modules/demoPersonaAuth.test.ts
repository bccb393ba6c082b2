import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { authModuleDemoPersonaProvider } from './demoPersonaAuth';

function catalogUser(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
    // The catalog derives these relations from spec.memberOf; the auth backend reads them.
    relations: groups.map(group => ({
      type: RELATION_MEMBER_OF,
      targetRef: `group:default/${group}`,
    })),
  };
}

describe('authModuleDemoPersonaProvider', () => {
  const originalNodeEnv = process.env.NODE_ENV;

  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  async function startBackend(options: {
    nodeEnv: string;
    demoConfig?: { dangerouslyAllowOutsideDevelopment?: boolean };
  }) {
    // The provider reads NODE_ENV when the backend starts.
    process.env.NODE_ENV = options.nodeEnv;
    const { server } = await startTestBackend({
      features: [
        authPlugin,
        authModuleDemoPersonaProvider,
        catalogServiceMock.factory({
          entities: [
            catalogUser('engineer', ['team-smart-city']),
            catalogUser('platform-admin', ['platform-admins']),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: { providers: { demo: options.demoConfig ?? {} } },
          },
        }),
      ],
    });
    const refresh = (headers: Record<string, string>) =>
      fetch(`http://localhost:${server.port()}/api/auth/demo/refresh`, {
        headers,
      });
    return { refresh };
  }

  it('signs the engineer persona in as user:default/engineer with its team', async () => {
    const { refresh } = await startBackend({ nodeEnv: 'development' });

    const res = await refresh({ 'x-demo-persona': 'engineer' });

    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.profile).toEqual({ displayName: 'Engineer (demo)' });
    expect(body.backstageIdentity.token).toEqual(expect.any(String));
    expect(body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/engineer',
      ownershipEntityRefs: [
        'user:default/engineer',
        'group:default/team-smart-city',
      ],
    });
  });

  it('signs the platform-admin persona in as a member of platform-admins', async () => {
    const { refresh } = await startBackend({ nodeEnv: 'development' });

    const res = await refresh({ 'x-demo-persona': 'platform-admin' });

    expect(res.status).toBe(200);
    const { backstageIdentity } = await res.json();
    expect(backstageIdentity.identity.userEntityRef).toBe(
      'user:default/platform-admin',
    );
    expect(backstageIdentity.identity.ownershipEntityRefs).toContain(
      'group:default/platform-admins',
    );
  });

  it('refuses an unknown or missing persona, naming the header', async () => {
    const { refresh } = await startBackend({ nodeEnv: 'development' });

    const unknown = await refresh({ 'x-demo-persona': 'root' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toBe(
      "The 'x-demo-persona' header must name a demo persona, one of engineer, platform-admin; got 'root'",
    );

    const missing = await refresh({});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toContain(
      "The 'x-demo-persona' header must name a demo persona",
    );
  });

  it('refuses to sign anyone in outside development', async () => {
    const { refresh } = await startBackend({ nodeEnv: 'production' });

    const res = await refresh({ 'x-demo-persona': 'platform-admin' });

    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain(
      'auth.providers.demo.dangerouslyAllowOutsideDevelopment',
    );
  });

  it('signs in outside development when dangerouslyAllowOutsideDevelopment is set', async () => {
    const { refresh } = await startBackend({
      nodeEnv: 'production',
      demoConfig: { dangerouslyAllowOutsideDevelopment: true },
    });

    const res = await refresh({ 'x-demo-persona': 'engineer' });

    expect(res.status).toBe(200);
  });
});
