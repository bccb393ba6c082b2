import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabasePromotionStore } from './DatabasePromotionStore';
import { NewPromotionRecord } from './PromotionStore';

jest.setTimeout(60_000);

const at = (minute: number) =>
  new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();

function promotion(
  overrides: Partial<NewPromotionRecord> = {},
): NewPromotionRecord {
  return {
    id: 'p1',
    entityRef: 'component:default/parking-api',
    environment: 'prod',
    version: '1.2.0',
    fromVersion: '1.1.0',
    trigger: 'promotion',
    reason: 'Weekly release',
    state: 'pending_approval',
    requestedBy: 'user:default/engineer',
    requestedAt: at(0),
    requiredApprovals: 2,
    approvers: ['group:default/platform-admins'],
    allowSelfApproval: false,
    ...overrides,
  };
}

describe('DatabasePromotionStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabasePromotionStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'stores a promotion with its first transition, and reads it back, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.insertPromotion(promotion(), {
          actor: 'user:default/engineer',
          comment: 'Weekly release',
        }),
      ).resolves.toEqual({ inserted: true });

      await expect(store.getPromotion('p1')).resolves.toEqual({
        ...promotion(),
        updatedAt: at(0),
      });
      await expect(store.listTransitions('p1')).resolves.toEqual([
        {
          to: 'pending_approval',
          actor: 'user:default/engineer',
          at: at(0),
          comment: 'Weekly release',
        },
      ]);
      await expect(store.getPromotion('nope')).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one open promotion per entity and environment, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const actor = { actor: 'user:default/engineer' };
      await store.insertPromotion(promotion({ id: 'p1' }), actor);

      // Concurrent requests: exactly one more may be stored once p1 is closed.
      await expect(
        store.insertPromotion(promotion({ id: 'p2' }), actor),
      ).resolves.toEqual({ inserted: false, openPromotionId: 'p1' });
      await expect(
        store.insertPromotion(
          promotion({ id: 'p3', environment: 'staging' }),
          actor,
        ),
      ).resolves.toEqual({ inserted: true });

      await store.transition('p1', {
        to: 'cancelled',
        actor: 'user:default/engineer',
        at: at(1),
      });
      const results = await Promise.all(
        ['p4', 'p5', 'p6'].map(id =>
          store.insertPromotion(promotion({ id }), actor),
        ),
      );
      expect(results.filter(result => result.inserted)).toHaveLength(1);
      expect(
        (await store.findOpenPromotion('component:default/parking-api', 'prod'))
          ?.state,
      ).toBe('pending_approval');
    },
  );

  it.each(databases.eachSupportedId())(
    'changes state only from the allowed states, and records each change, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.insertPromotion(promotion({ state: 'approved' }), {
        actor: 'user:default/engineer',
      });

      const claims = await Promise.all(
        ['a', 'b', 'c', 'd'].map(token =>
          store.transition('p1', {
            to: 'executing',
            actor: 'plugin:delivery',
            at: at(1),
            set: { claimToken: token, claimedAt: at(1) },
          }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const claimed = await store.getPromotion('p1');
      expect(claimed).toMatchObject({ state: 'executing', claimedAt: at(1) });

      // Only the claim's holder may finish it.
      await expect(
        store.transition('p1', {
          to: 'succeeded',
          actor: 'plugin:delivery',
          at: at(2),
          claimToken: 'someone-else',
        }),
      ).resolves.toBe(false);
      await expect(
        store.transition('p1', {
          to: 'succeeded',
          actor: 'plugin:delivery',
          at: at(2),
          comment: 'Committed abc1234',
          claimToken: claimed!.claimToken,
          set: {
            deploymentId: 'promotion-p1',
            gitopsCommitSha: 'abc1234',
            message: 'Committed abc1234',
          },
        }),
      ).resolves.toBe(true);
      await expect(
        store.transition('p1', {
          to: 'cancelled',
          actor: 'user:default/engineer',
          at: at(3),
        }),
      ).resolves.toBe(false);

      expect(await store.getPromotion('p1')).toMatchObject({
        state: 'succeeded',
        deploymentId: 'promotion-p1',
        gitopsCommitSha: 'abc1234',
      });
      expect(
        (await store.listTransitions('p1')).map(t => [t.from, t.to]),
      ).toEqual([
        [undefined, 'approved'],
        ['approved', 'executing'],
        ['executing', 'succeeded'],
      ]);
      // A closed promotion no longer blocks a new one.
      await expect(
        store.findOpenPromotion('component:default/parking-api', 'prod'),
      ).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts distinct approvals, concurrent ones too, and approves once, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.insertPromotion(promotion(), {
        actor: 'user:default/engineer',
      });

      await expect(
        store.approve('p1', { approver: 'user:default/ada', at: at(1) }),
      ).resolves.toEqual({ outcome: 'recorded', approvals: 1 });
      await expect(
        store.approve('p1', { approver: 'user:default/ada', at: at(2) }),
      ).resolves.toEqual({ outcome: 'already_approved' });

      const outcomes = await Promise.all(
        ['user:default/bob', 'user:default/cy', 'user:default/dee'].map(
          approver => store.approve('p1', { approver, at: at(3) }),
        ),
      );
      expect(outcomes.map(o => o.outcome).sort()).toEqual([
        'approved',
        'not_pending',
        'not_pending',
      ]);
      const approvals = (await store.listApprovals(['p1'])).get('p1')!;
      expect(approvals).toHaveLength(2);
      expect(approvals[0]).toEqual({
        approver: 'user:default/ada',
        approvedAt: at(1),
      });
      expect(
        (await store.listTransitions('p1')).filter(t => t.to === 'approved'),
      ).toHaveLength(1);
      expect((await store.getPromotion('p1'))?.state).toBe('approved');
    },
  );

  it.each(databases.eachSupportedId())(
    'finds approved promotions and stale claims, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const actor = { actor: 'user:default/engineer' };
      await store.insertPromotion(
        promotion({ id: 'old', state: 'approved', environment: 'dev' }),
        actor,
      );
      await store.insertPromotion(
        promotion({ id: 'new', state: 'approved', environment: 'staging' }),
        actor,
      );
      await store.transition('old', {
        to: 'executing',
        actor: 'plugin:delivery',
        at: at(1),
        set: { claimToken: 'x', claimedAt: at(1) },
      });

      await expect(store.listIdsInState('approved')).resolves.toEqual([
        { id: 'new', environment: 'staging', trigger: 'promotion' },
      ]);
      await expect(
        store.listIdsInState('executing', { claimedBefore: at(1) }),
      ).resolves.toEqual([]);
      await expect(
        store.listIdsInState('executing', { claimedBefore: at(2) }),
      ).resolves.toEqual([
        {
          id: 'old',
          environment: 'dev',
          trigger: 'promotion',
          claimToken: 'x',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps admin freeze windows and rolled-back versions, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const window = {
        id: 'w1',
        environment: 'prod',
        start: at(10),
        end: at(20),
        reason: 'Release weekend',
        createdBy: 'user:default/platform-admin',
        createdAt: at(0),
      };
      await store.addFreezeWindow(window);
      await expect(
        store.listFreezeWindows({ environment: 'prod', endingAfter: at(5) }),
      ).resolves.toEqual([window]);
      await expect(
        store.listFreezeWindows({ endingAfter: at(20) }),
      ).resolves.toEqual([]);
      await expect(store.deleteFreezeWindow('w1')).resolves.toBe(true);
      await expect(store.deleteFreezeWindow('w1')).resolves.toBe(false);

      const rolledBack = {
        entityRef: 'component:default/parking-api',
        environment: 'prod',
        version: '1.2.0',
        promotionId: 'p9',
        rolledBackBy: 'user:default/engineer',
        rolledBackAt: at(30),
      };
      await store.markRolledBack(rolledBack);
      await store.markRolledBack({ ...rolledBack, rolledBackAt: at(40) });
      await expect(
        store.listRolledBack('component:default/parking-api'),
      ).resolves.toEqual([{ ...rolledBack, rolledBackAt: at(40) }]);
    },
  );
});
