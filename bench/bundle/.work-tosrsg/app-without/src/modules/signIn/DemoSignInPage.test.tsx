import { IdentityApi } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoSignInPage } from './signInModule';

const identities = {
  engineer: {
    userEntityRef: 'user:default/engineer',
    ownershipEntityRefs: [
      'user:default/engineer',
      'group:default/team-smart-city',
    ],
  },
  'platform-admin': {
    userEntityRef: 'user:default/platform-admin',
    ownershipEntityRefs: [
      'user:default/platform-admin',
      'group:default/platform-admins',
    ],
  },
} as const;

// Answers the backend's /api/auth/demo/refresh like the demo provider does.
function mockDemoAuthBackend() {
  const token = `header.${btoa(
    JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 }),
  )}.signature`;
  return jest
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async (_input, init) => {
      const persona = new Headers(init?.headers).get('x-demo-persona');
      if (persona !== 'engineer' && persona !== 'platform-admin') {
        return Response.json(
          { error: { name: 'InputError', message: 'Unknown persona' } },
          { status: 400 },
        );
      }
      return Response.json({
        profile: { displayName: persona },
        backstageIdentity: {
          token,
          identity: { type: 'user', ...identities[persona] },
        },
      });
    });
}

function renderSignInPage() {
  const SignInPage = createExtensionTester(demoSignInPage).get(
    SignInPageBlueprint.dataRefs.component,
  );
  const onSignInSuccess = jest.fn<void, [IdentityApi]>();
  const { unmount } = renderInTestApp(
    <SignInPage onSignInSuccess={onSignInSuccess} />,
  );
  return { onSignInSuccess, unmount };
}

describe('DemoSignInPage', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('offers to sign in as an engineer or as a platform admin', async () => {
    renderSignInPage();

    expect(
      await screen.findByRole('button', { name: 'Sign in as engineer' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Sign in as platform admin' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Member of team-smart-city. Can promote versions to non-production environments and request production promotions.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Member of platform-admins. Approves or rejects production promotions.',
      ),
    ).toBeInTheDocument();
  });

  it('signs in through the demo provider as the chosen persona', async () => {
    const fetchMock = mockDemoAuthBackend();
    const { onSignInSuccess } = renderSignInPage();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign in as platform admin' }),
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toMatch(/\/auth\/demo\/refresh$/);
    expect(new Headers(init?.headers).get('x-demo-persona')).toBe(
      'platform-admin',
    );
    const identity = onSignInSuccess.mock.calls[0][0];
    await expect(identity.getBackstageIdentity()).resolves.toEqual({
      type: 'user',
      ...identities['platform-admin'],
    });
  });

  it('signs the remembered persona in again after a reload, until signed out', async () => {
    mockDemoAuthBackend();
    const first = renderSignInPage();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign in as engineer' }),
    );
    await waitFor(() => expect(first.onSignInSuccess).toHaveBeenCalled());
    first.unmount();

    // A reload renders the sign-in page afresh: it skips the choice.
    const afterReload = renderSignInPage();
    await waitFor(() => expect(afterReload.onSignInSuccess).toHaveBeenCalled());
    const identity = afterReload.onSignInSuccess.mock.calls[0][0];
    await expect(identity.getBackstageIdentity()).resolves.toMatchObject({
      userEntityRef: 'user:default/engineer',
    });

    afterReload.unmount();

    // Signing out forgets the persona, so the next load offers the choice again.
    await identity.signOut();
    const afterSignOut = renderSignInPage();
    expect(
      await screen.findByRole('button', { name: 'Sign in as engineer' }),
    ).toBeInTheDocument();
    expect(afterSignOut.onSignInSuccess).not.toHaveBeenCalled();
  });

  it('shows why sign-in failed and lets the visitor choose again', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(
      Response.json(
        {
          error: {
            name: 'NotFoundError',
            message:
              "Demo persona 'engineer' signs in as user:default/engineer, which must be in the catalog (examples/org.yaml)",
          },
          request: { method: 'GET', url: '/api/auth/demo/refresh' },
          response: { statusCode: 404 },
        },
        { status: 404 },
      ),
    );
    const { onSignInSuccess } = renderSignInPage();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign in as engineer' }),
    );

    expect(
      await screen.findByText(/Could not sign in as engineer/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        "Demo persona 'engineer' signs in as user:default/engineer, which must be in the catalog (examples/org.yaml)",
      )[0],
    ).toBeVisible();
    expect(onSignInSuccess).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Choose a persona again' }),
    );
    expect(
      await screen.findByRole('button', { name: 'Sign in as platform admin' }),
    ).toBeInTheDocument();
  });
});
