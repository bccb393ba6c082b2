import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionsDenyingEntities } from '../../__testUtils__/readAccess';
import { DeploymentReadAccess } from './DeploymentReadAccess';

const api = 'component:default/parking-api';
const worker = 'component:default/parking-worker';
const secret = 'component:default/secret-api';
const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

// The entities each call to the policy asked about.
const askedAbout = (
  permissions: ReturnType<typeof permissionsDenyingEntities>,
) =>
  permissions.authorize.mock.calls.map(([requests]) =>
    requests.map(request => (request as { resourceRef?: string }).resourceRef),
  );

describe('DeploymentReadAccess remembering decisions', () => {
  afterEach(() => jest.useRealTimers());

  it('asks the policy once per person and entity for a few seconds', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 6) });
    const permissions = permissionsDenyingEntities(secret);
    const access = new DeploymentReadAccess(permissions, {
      rememberDecisions: true,
    });

    await expect(access.readable([api, secret], alice)).resolves.toEqual(
      new Set([api]),
    );
    // A domain page's next call: only the entity not asked about yet.
    await expect(
      access.readable([worker, secret, api], alice),
    ).resolves.toEqual(new Set([worker, api]));
    await expect(access.assertCanRead(secret, alice)).rejects.toThrow(
      `You may not read the deployments of ${secret}`,
    );
    // What Alice may read says nothing about Bob.
    await access.readable([api], bob);
    expect(askedAbout(permissions)).toEqual([[api, secret], [worker], [api]]);

    // Ten seconds on, the policy is asked again.
    jest.advanceTimersByTime(10_001);
    await access.readable([api], alice);
    expect(askedAbout(permissions)).toHaveLength(4);
  });

  it('uses a decision older than five seconds while asking again in the background, never one older than ten', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 6) });
    let result: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
      AuthorizeResult.ALLOW;
    const permissions = mockServices.permissions.mock({
      authorize: async requests => requests.map(() => ({ result })),
    });
    const access = new DeploymentReadAccess(permissions, {
      rememberDecisions: true,
    });
    await expect(access.readable([api], alice)).resolves.toEqual(
      new Set([api]),
    );

    // The policy changes; six seconds on, the read is answered at once from
    // the decision it made, and the policy is asked again meanwhile.
    result = AuthorizeResult.DENY;
    jest.advanceTimersByTime(6_000);
    await expect(access.readable([api], alice)).resolves.toEqual(
      new Set([api]),
    );
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(0);
    await expect(access.readable([api], alice)).resolves.toEqual(new Set());
    expect(permissions.authorize).toHaveBeenCalledTimes(2);

    // Not read for ten seconds: the next read waits for the policy.
    result = AuthorizeResult.ALLOW;
    jest.advanceTimersByTime(10_001);
    await expect(access.readable([api], alice)).resolves.toEqual(
      new Set([api]),
    );
    expect(permissions.authorize).toHaveBeenCalledTimes(3);
  });

  it('knows whether someone may read every entity from one decision without an entity, kept as the others', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 6) });
    // Users get a condition (on the entity's kind), services an allow.
    const permissions = permissionsDenyingEntities(secret);
    const access = new DeploymentReadAccess(permissions, {
      rememberDecisions: true,
    });
    const service = mockCredentials.service('plugin:catalog');

    await expect(access.readsEveryEntity(alice)).resolves.toBe(false);
    await expect(access.readsEveryEntity(service)).resolves.toBe(true);
    await expect(access.readsEveryEntity(alice)).resolves.toBe(false);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    // No entity was checked one by one for it.
    expect(askedAbout(permissions)).toEqual([]);

    jest.advanceTimersByTime(10_001);
    await access.readsEveryEntity(service);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
  });

  it('asks every time unless told to remember', async () => {
    const permissions = permissionsDenyingEntities(secret);
    const access = new DeploymentReadAccess(permissions);
    await access.readable([api], alice);
    await access.readable([api], alice);
    expect(askedAbout(permissions)).toEqual([[api], [api]]);
  });
});
