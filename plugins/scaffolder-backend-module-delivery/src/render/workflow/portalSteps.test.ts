import { createMockDirectory } from '@backstage/backend-test-utils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describeIf } from '../../__testUtils__/specValidation';
import { SERVICE_LANGUAGES } from './languages';
import {
  reportDeploymentResult,
  reportDeploymentStarted,
  requestPromotion,
} from './portalSteps';
import { renderWorkflow } from './renderWorkflow';
import { WorkflowStep } from './workflowTypes';

const hasJq = spawnSync('jq', ['--version']).status === 0;

/*
 * The steps' scripts run for real in bash, with jq, against a stand-in for
 * curl that records each request and answers like the portal would.
 */
const FAKE_CURL = `#!/usr/bin/env bash
url="" data="" output="" write_out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift ;;
    --output) output="$2"; shift ;;
    --write-out) write_out="$2"; shift ;;
    --header) shift ;;
    -*) ;;
    *) url="$1" ;;
  esac
  shift
done
body=""
if [ -n "$data" ]; then body=$(cat "\${data#@}"); fi
jq -cn --arg url "$url" --argjson body "\${body:-null}" '{url: $url, body: $body}' >> "$CURL_LOG"
case "$url" in
  */promotions)
    echo "$FAKE_PROMOTION_RESPONSE" > "$output"
    printf '%s' "$FAKE_PROMOTION_STATUS" ;;
  */promotions/*)
    echo "{\\"id\\": \\"p-1\\", \\"state\\": \\"$FAKE_PROMOTION_STATE\\"}" ;;
  */events)
    echo '{"accepted": 1}' ;;
esac
`;

describe('the portal steps', () => {
  const dir = createMockDirectory();
  let env: Record<string, string>;

  beforeEach(() => {
    dir.setContent({ bin: { curl: FAKE_CURL }, 'github-env': '' });
    fs.chmodSync(dir.resolve('bin/curl'), 0o755);
    env = {
      PATH: `${dir.resolve('bin')}:${process.env.PATH}`,
      CURL_LOG: dir.resolve('curl.log'),
      RUNNER_TEMP: dir.path,
      GITHUB_ENV: dir.resolve('github-env'),
      GITHUB_STEP_SUMMARY: dir.resolve('summary.md'),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/parking-api',
      GITHUB_RUN_ID: '9921',
      GITHUB_SHA: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      DELIVERY_API_URL: 'https://portal.example.com/api/delivery',
      DELIVERY_TOKEN: 'external-token',
      ENTITY_REF: 'component:default/parking-api',
      ENVIRONMENT: 'staging',
      VERSION: '9fceb02d0ae5',
      FAKE_PROMOTION_STATUS: '201',
      FAKE_PROMOTION_RESPONSE: '{"id": "p-1", "state": "pending_approval"}',
      FAKE_PROMOTION_STATE: 'succeeded',
    };
  });

  function run(step: WorkflowStep, extraEnv: Record<string, string> = {}) {
    // Variables earlier steps exported through GITHUB_ENV, as the runner passes them on.
    const exported = Object.fromEntries(
      fs
        .readFileSync(env.GITHUB_ENV, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => line.split(/=(.*)/s).slice(0, 2)),
    );
    return spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!],
      { env: { ...env, ...exported, ...extraEnv }, encoding: 'utf8' },
    );
  }

  function requests(): Array<{ url: string; body: any }> {
    return fs
      .readFileSync(env.CURL_LOG, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line));
  }

  it('every script of every generated workflow is valid bash', () => {
    for (const language of SERVICE_LANGUAGES) {
      const workflow = renderWorkflow({
        service: 'parking-api',
        domain: 'smart-city',
        entityRef: 'component:default/parking-api',
        language,
        servicePath: '.',
        workflowPath: '.github/workflows/parking-api.yaml',
        mainBranch: 'main',
        environments: [
          { name: 'dev', production: false },
          { name: 'staging', production: false },
          { name: 'prod', production: true },
        ],
        deliveryApiUrl: 'https://portal.example.com/api/delivery',
        environmentUrls: {},
      }).toJS();
      for (const job of Object.values<any>(workflow.jobs)) {
        for (const step of job.steps.filter((s: WorkflowStep) => s.run)) {
          const check = spawnSync('bash', ['-n', '-c', step.run], {
            encoding: 'utf8',
          });
          expect({ step: step.name, stderr: check.stderr }).toEqual({
            step: step.name,
            stderr: '',
          });
        }
      }
    }
  });

  describeIf(hasJq)('run with jq', () => {
    it('reports a deployment as in progress, then with its outcome, under one id', () => {
      expect(run(reportDeploymentStarted('promotion')).status).toBe(0);
      expect(
        run(reportDeploymentResult('promotion'), { JOB_STATUS: 'failure' })
          .status,
      ).toBe(0);

      const [started, finished] = requests();
      expect(started.url).toBe(
        'https://portal.example.com/api/delivery/events',
      );
      expect(started.body).toEqual({
        type: 'deployment',
        id: 'gha-9921-staging',
        entityRef: 'component:default/parking-api',
        environment: 'staging',
        version: '9fceb02d0ae5',
        commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
        status: 'in_progress',
        trigger: 'promotion',
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        url: 'https://github.com/acme/parking-api/actions/runs/9921',
      });
      expect(finished.body).toEqual({
        ...started.body,
        status: 'failed',
        startedAt: started.body.startedAt,
        finishedAt: expect.stringMatching(/Z$/),
      });
    });

    it('maps a successful job to a succeeded deployment', () => {
      run(reportDeploymentResult('pipeline'), { JOB_STATUS: 'success' });
      expect(requests()[0].body).toMatchObject({
        status: 'succeeded',
        trigger: 'pipeline',
      });
    });

    it('promotes through the portal and follows the promotion until it succeeded', () => {
      const result = run(requestPromotion({ wait: true }));
      expect(result.status).toBe(0);
      const [request, follow] = requests();
      expect(request).toEqual({
        url: 'https://portal.example.com/api/delivery/promotions',
        body: {
          entityRef: 'component:default/parking-api',
          environment: 'staging',
          version: '9fceb02d0ae5',
          reason:
            'Requested by https://github.com/acme/parking-api/actions/runs/9921',
        },
      });
      expect(follow.url).toBe(
        'https://portal.example.com/api/delivery/promotions/p-1',
      );
    });

    it('fails the job when the promotion is rejected', () => {
      const result = run(requestPromotion({ wait: true }), {
        FAKE_PROMOTION_STATE: 'rejected',
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        '::error::Promotion p-1 into staging ended rejected',
      );
    });

    it('leaves a production request waiting for approval, and only warns when refused', () => {
      const request = requestPromotion({ wait: false });
      const waiting = run(request, { ENVIRONMENT: 'prod' });
      expect(waiting.status).toBe(0);
      expect(requests()).toHaveLength(1);
      expect(fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain(
        'Promotion p-1 of 9fceb02d0ae5 into prod waits for approval in the portal.',
      );

      const refused = run(request, {
        ENVIRONMENT: 'prod',
        FAKE_PROMOTION_STATUS: '409',
        FAKE_PROMOTION_RESPONSE:
          '{"error": {"name": "ConflictError", "message": "prod is frozen until Monday 08:00"}}',
      });
      expect(refused.status).toBe(0);
      expect(refused.stdout).toContain(
        '::warning::The portal refused the promotion: prod is frozen until Monday 08:00',
      );
    });
  });
});
