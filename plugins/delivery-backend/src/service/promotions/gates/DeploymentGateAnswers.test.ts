import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  DeploymentGate,
  DeploymentGateAnswer,
  DeploymentGateRefusedError,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { DatabasePromotionStore } from '../../../database/promotions/DatabasePromotionStore';
import { NewPromotionRecord } from '../../../database/promotions/PromotionStore';
import { DeliverySignals } from '../../signals/DeliverySignals';
import { FreezeWindowService } from '../freezeWindows/FreezeWindowService';
import { HaltService } from '../halts/HaltService';
import { PromotionTransitions } from '../PromotionTransitions';
import { DeploymentGateAnswers } from './DeploymentGateAnswers';

jest.setTimeout(60_000);

const T0 = Date.UTC(2026, 11, 7, 9, 0);

function gated(
  overrides: Partial<NewPromotionRecord> = {},
): NewPromotionRecord {
  return {
    id: 'p1',
    entityRef: 'component:default/payments-api',
    environment: 'prod',
    version: '1.4.2',
    trigger: 'promotion',
    reason: 'GitHub asks to deploy 1.4.2',
    state: 'approved',
    requestedBy: 'github:octocat',
    requestedAt: new Date(T0).toISOString(),
    requiredApprovals: 0,
    approvers: [],
    allowSelfApproval: false,
    gate: {
      source: 'github',
      key: 'github.com/acme/payments-api/runs/42/production',
      callback: { runId: 42 },
    },
    ...overrides,
  };
}

/** A gate that records its answers, failing as told. */
class RecordingGate implements DeploymentGate {
  readonly answers: DeploymentGateAnswer[] = [];
  failures: Error[] = [];

  getGateName() {
    return 'github';
  }
  async connect() {}
  async answer(answer: DeploymentGateAnswer) {
    // Slow enough for a second replica to race for it meanwhile.
    await new Promise(resolve => setTimeout(resolve, 50));
    const failure = this.failures.shift();
    if (failure) {
      throw failure;
    }
    this.answers.push(answer);
  }
}

describe('DeploymentGateAnswers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabasePromotionStore.create({
      database: { getClient: async () => knex },
    });
    const gate = new RecordingGate();
    let now = T0;
    /** A replica of the backend: its own answerer, on the same database. */
    const replica = () =>
      new DeploymentGateAnswers({
        store,
        transitions: new PromotionTransitions({
          store,
          signals: {
            promotionChanged: async () => {},
          } as unknown as DeliverySignals,
        }),
        freezeWindows: {
          activeFreeze: async () => undefined,
        } as unknown as FreezeWindowService,
        halts: {
          activeHaltFor: async () => undefined,
        } as unknown as HaltService,
        gates: new Map([['github', gate]]),
        logger: mockServices.logger.mock(),
        now: () => new Date(now),
      });
    return {
      store,
      gate,
      replica,
      later: (seconds: number) => {
        now += seconds * 1000;
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'answers an approved request once, however many replicas try at once, and ends the promotion without an executor, %p',
    async databaseId => {
      const { store, gate, replica } = await setUp(databaseId);
      await store.insertPromotion(gated(), { actor: 'github:octocat' });
      const [one, two] = [replica(), replica()];

      const answered = await Promise.all([
        one.answer('p1'),
        two.answer('p1'),
        one.answerDue(),
        two.answerDue(),
      ]);
      expect(answered.filter(Boolean)).toHaveLength(1);
      expect(gate.answers).toEqual([
        expect.objectContaining({
          promotionId: 'p1',
          state: 'approved',
          callback: { runId: 42 },
        }),
      ]);
      const promotion = await store.getPromotion('p1');
      expect(promotion).toMatchObject({
        state: 'succeeded',
        gate: { answer: 'approved', attempts: 0 },
      });
      // Nothing is due any more.
      await one.answerDue();
      expect(gate.answers).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'tries a failed answer again once it is due, also on another replica after a restart, %p',
    async databaseId => {
      const { store, gate, replica, later } = await setUp(databaseId);
      await store.insertPromotion(
        gated({ state: 'rejected', message: 'Refused by the halt rule' }),
        { actor: 'github:octocat', comment: 'Refused by the halt rule: …' },
      );
      gate.failures.push(new Error('GitHub answered 502'));

      await expect(replica().answer('p1')).resolves.toBe(false);
      expect(await store.getPromotion('p1')).toMatchObject({
        gate: { attempts: 1, error: expect.stringContaining('502') },
      });

      const restarted = replica();
      later(5);
      await restarted.answerDue();
      expect(gate.answers).toEqual([]);

      later(6);
      await restarted.answerDue();
      expect(gate.answers).toEqual([
        expect.objectContaining({
          state: 'rejected',
          comment:
            'Rejected by the Domain Delivery portal. Refused by the halt rule: …',
        }),
      ]);
      later(60);
      await restarted.answerDue();
      expect(gate.answers).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives up an answer the system refuses for good, and fails the approved promotion saying why, %p',
    async databaseId => {
      const { store, gate, replica, later } = await setUp(databaseId);
      await store.insertPromotion(gated(), { actor: 'github:octocat' });
      gate.failures.push(
        new DeploymentGateRefusedError('GitHub refused the answer (422)'),
      );

      await replica().answer('p1');
      later(3600);
      await replica().answerDue();
      expect(gate.answers).toEqual([]);
      expect(await store.getPromotion('p1')).toMatchObject({
        state: 'failed',
        message: expect.stringContaining('GitHub refused the answer (422)'),
      });
    },
  );
});
