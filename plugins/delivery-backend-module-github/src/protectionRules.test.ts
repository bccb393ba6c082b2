import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { REPOSITORY_API } from './__testUtils__/githubApi';
import {
  assertValidRequestBody,
  assertValidRestSchema,
} from './__testUtils__/githubSchemas';
import {
  CALLBACK_PATH,
  protectionRuleRequested,
  RUN_ID,
} from './__testUtils__/protectionRuleRequests';
import {
  HELLO_WORLD_REF,
  signature,
  startWebhookBackend,
  WebhookBackend,
} from './__testUtils__/webhookBackend';

jest.setTimeout(60_000);

// GitHub's example deployment's commit, as the portal names its version.
const SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const VERSION = SHA.slice(0, 12);
const APPROVER = 'user:default/mock';

const ENVIRONMENTS = [
  { name: 'dev' },
  { name: 'staging', promotion: { from: 'dev' } },
  {
    name: 'prod',
    production: true,
    promotion: { from: 'staging', requiredApprovals: 1, approvers: [APPROVER] },
  },
];
const GITHUB = {
  deployments: {
    environments: [{ github: 'production', environment: 'prod' }],
  },
};

type Answer = { environment_name: string; state: string; comment?: string };

describe('GitHub deployment protection rules through the events backend', () => {
  const answers: Answer[] = [];
  const github = setupServer(
    http.post(
      `${REPOSITORY_API}/actions/runs/:runId/deployment_protection_rule`,
      async ({ request, params }) => {
        const body = await request.json();
        // What the portal sends is what GitHub's REST description asks for.
        assertValidRequestBody('post', CALLBACK_PATH, body);
        assertValidRestSchema('review-custom-gates-state-required', body);
        // Only the run that waits can be answered, as on GitHub.
        if (params.runId !== String(RUN_ID)) {
          return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
        }
        answers.push(body as Answer);
        return new HttpResponse(null, { status: 204 });
      },
    ),
  );
  beforeAll(() =>
    github.listen({
      onUnhandledRequest: (request, print) => {
        if (
          !['127.0.0.1', 'localhost'].includes(new URL(request.url).hostname)
        ) {
          print.error();
        }
      },
    }),
  );
  beforeEach(() => {
    answers.length = 0;
  });
  afterEach(() => github.resetHandlers());
  afterAll(() => github.close());

  async function start(options: { github?: object } = {}) {
    const backend = await startWebhookBackend({
      environments: ENVIRONMENTS,
      github: (options.github ?? GITHUB) as any,
    });
    return backend;
  }

  /** A version that ran in the environment, as a pipeline reports it. */
  async function ranIn(backend: WebhookBackend, environment: string) {
    await backend.report([
      {
        type: 'deployment',
        id: `pipeline-${environment}-${VERSION}`,
        entityRef: HELLO_WORLD_REF,
        environment,
        version: VERSION,
        commitSha: SHA,
        status: 'succeeded',
        trigger: 'pipeline',
        startedAt: '2026-12-01T10:00:00Z',
        finishedAt: '2026-12-01T10:05:00Z',
      },
    ]);
  }

  async function asked(backend: WebhookBackend, environment: string) {
    const response = await backend.deliver(
      'deployment_protection_rule',
      protectionRuleRequested({ environment }),
    );
    expect(response.status).toBe(202);
  }

  /** GitHub's callback, once the portal has answered it. */
  async function answered(count = 1): Promise<Answer[]> {
    const deadline = Date.now() + 20_000;
    while (answers.length < count && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    expect(answers).toHaveLength(count);
    return answers;
  }

  /** The promotions, once GitHub's answer is recorded with them. */
  async function recorded(backend: WebhookBackend) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const promotions = await backend.promotions();
      const settled = promotions.every(
        promotion => (promotion.gate as { answer?: string })?.answer,
      );
      if (settled || Date.now() > deadline) {
        return promotions;
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  it('approves at once a deployment that needs no approval and that no rule stops, and deploys nothing itself', async () => {
    const backend = await start();
    await ranIn(backend, 'dev');
    await asked(backend, 'staging');

    expect(await answered()).toEqual([
      {
        environment_name: 'staging',
        state: 'approved',
        comment: expect.stringContaining('staging needs no approval'),
      },
    ]);
    const [promotion] = await recorded(backend);
    expect(promotion).toMatchObject({
      environment: 'staging',
      version: VERSION,
      state: 'succeeded',
      requestedBy: 'github:Codertocat',
      gate: {
        source: 'github',
        url: `https://github.com/Codertocat/Hello-World/actions/runs/${RUN_ID}`,
        answer: 'approved',
      },
    });
    // GitHub deploys; its own deployment webhooks record the deployment.
    expect(
      (await backend.deployments()).map(({ environment }) => environment),
    ).toEqual(['dev']);
  });

  it('rejects at once a deployment that a rule refuses, naming the rule', async () => {
    const backend = await start();
    await asked(backend, 'production');

    const [answer] = await answered();
    expect(answer).toMatchObject({
      environment_name: 'production',
      state: 'rejected',
    });
    expect(answer.comment).toContain(
      `Refused by the source environment rule: ${VERSION} has not succeeded in staging`,
    );
    expect(await recorded(backend)).toEqual([
      expect.objectContaining({
        environment: 'prod',
        state: 'rejected',
        gate: expect.objectContaining({ answer: 'rejected' }),
      }),
    ]);
  });

  it('puts a deployment that needs approval in the approvals inbox, and answers approved, naming the approver, once it is approved there', async () => {
    const backend = await start();
    await ranIn(backend, 'staging');
    await asked(backend, 'production');

    const [waiting] = await backend.promotions();
    expect(waiting).toMatchObject({
      environment: 'prod',
      state: 'pending_approval',
      approvers: [APPROVER],
      gate: { source: 'github' },
    });
    expect(answers).toEqual([]);

    const approved = await backend.decide(
      waiting.id as string,
      'approve',
      'Release notes checked',
    );
    expect(approved.status).toBe(200);
    const [answer] = await answered();
    expect(answer).toEqual({
      environment_name: 'production',
      state: 'approved',
      comment: `Approved in the Domain Delivery portal by ${APPROVER} (Release notes checked)`,
    });
    const [promotion] = await recorded(backend);
    expect(promotion).toMatchObject({
      state: 'succeeded',
      gate: { answer: 'approved' },
    });
    // No executor ran: the portal recorded no deployment into prod.
    expect(
      (await backend.deployments()).map(({ environment }) => environment),
    ).toEqual(['staging']);
  });

  it('answers rejected, naming who rejected it and why, when it is rejected in the inbox', async () => {
    const backend = await start();
    await ranIn(backend, 'staging');
    await asked(backend, 'production');
    const [waiting] = await backend.promotions();

    const rejected = await backend.decide(
      waiting.id as string,
      'reject',
      'Not during the sale',
    );
    expect(rejected.status).toBe(200);
    expect(await answered()).toEqual([
      {
        environment_name: 'production',
        state: 'rejected',
        comment: `Rejected in the Domain Delivery portal by ${APPROVER}: Not during the sale`,
      },
    ]);
  });

  it('records a redelivered request once and answers it once', async () => {
    const backend = await start();
    await ranIn(backend, 'dev');
    await asked(backend, 'staging');
    await answered();
    await asked(backend, 'staging');
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(answers).toHaveLength(1);
    expect(await backend.promotions()).toHaveLength(1);
  });

  it('refuses unsigned and badly signed requests, and they change nothing', async () => {
    const backend = await start();
    await ranIn(backend, 'dev');
    const payload = protectionRuleRequested({ environment: 'staging' });
    const unsigned = await backend.deliver(
      'deployment_protection_rule',
      payload,
      { signature: null },
    );
    const otherSecret = await backend.deliver(
      'deployment_protection_rule',
      payload,
      { signature: signature(JSON.stringify(payload), 'not the secret') },
    );
    expect([unsigned.status, otherSecret.status]).toEqual([403, 403]);
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(await backend.promotions()).toEqual([]);
    expect(answers).toEqual([]);
  });

  it('answers nothing when protection rules are turned off', async () => {
    const backend = await start({
      github: { ...GITHUB, protectionRules: { enabled: false } },
    });
    await ranIn(backend, 'dev');
    await asked(backend, 'staging');
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(await backend.promotions()).toEqual([]);
    expect(answers).toEqual([]);
  });
});
