import { createMockDirectory } from '@backstage/backend-test-utils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describeIf } from '../../__testUtils__/specValidation';
import { reportRunJob, reportTestResults } from './pipelineRunSteps';
import { renderWorkflow } from './renderWorkflow';
import { WorkflowStep } from './workflowTypes';

const hasJq = spawnSync('jq', ['--version']).status === 0;

// A stand-in for curl that records the body it would send.
const FAKE_CURL = `#!/usr/bin/env bash
while [ $# -gt 0 ]; do
  case "$1" in
    --data) jq -c . "\${2#@}" >> "$CURL_LOG"; shift ;;
  esac
  shift
done
echo '{"accepted": []}'
`;

const workflow = () =>
  renderWorkflow({
    service: 'parking-api',
    domain: 'smart-city',
    entityRef: 'component:default/parking-api',
    language: 'typescript',
    servicePath: '.',
    workflowPath: '.github/workflows/parking-api.yaml',
    mainBranch: 'main',
    environments: [
      { name: 'dev', production: false },
      { name: 'prod', production: true },
    ],
    deliveryApiUrl: 'https://portal.example.com/api/delivery',
    environmentUrls: {},
  }).toJS();

describe('the pipeline run reports', () => {
  it('run each test suite with its counts written for the report, then report them whatever the outcome', () => {
    const jobs = workflow().jobs;
    for (const [id, suites] of Object.entries({
      'unit-tests': ['unit'],
      'integration-tests': ['integration'],
      'contract-tests': ['contract'],
      'resilience-tests': ['chaos', 'blue-green'],
    })) {
      const steps: WorkflowStep[] = jobs[id].steps;
      const tests = steps.filter(step => step.run?.startsWith('npm run test'));
      expect(tests.map(step => step.env)).toEqual(
        suites.map(() => ({
          TEST_SUMMARY_DIR: '${{ runner.temp }}/test-summaries',
        })),
      );
      const report = steps.at(-1)!;
      expect(report).toMatchObject({
        if: 'always()',
        env: { SUITES: suites.join(' ') },
      });
      expect(jobs[id].env).toEqual({
        DELIVERY_API_URL: 'https://portal.example.com/api/delivery',
        ENTITY_REF: 'component:default/parking-api',
      });
    }
    expect(jobs.lint.steps.at(-1).name).not.toMatch(/Report/);
  });

  it('report the run once every job is done, whatever their results, when the service changed', () => {
    const jobs = workflow().jobs;
    const others = Object.keys(jobs).filter(id => id !== 'report-run');
    expect(jobs['report-run']).toMatchObject({
      needs: others,
      if: "always() && needs.changes.outputs.service == 'true'",
      permissions: {},
    });
    expect(jobs.changes.outputs.started_at).toBe(
      '${{ steps.started.outputs.at }}',
    );
  });

  describeIf(hasJq)('run with jq', () => {
    const dir = createMockDirectory();
    let env: Record<string, string>;

    beforeEach(() => {
      dir.setContent({
        bin: { curl: FAKE_CURL },
        summaries: {
          'chaos.json': JSON.stringify({
            passed: 2,
            failed: 1,
            skipped: 0,
            failedTests: ['upstream › times out', ...Array(150).fill('x')],
          }),
        },
      });
      fs.chmodSync(dir.resolve('bin/curl'), 0o755);
      env = {
        PATH: `${dir.resolve('bin')}:${process.env.PATH}`,
        CURL_LOG: dir.resolve('curl.log'),
        RUNNER_TEMP: dir.path,
        TEST_SUMMARY_DIR: dir.resolve('summaries'),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/parking-api',
        GITHUB_RUN_ID: '9921',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_WORKFLOW: 'parking-api (smart-city)',
        GITHUB_REF_NAME: 'main',
        HEAD_SHA: '9fceb02d0ae598e95dc970b74767f19372d61af8',
        DEFAULT_BRANCH: 'main',
        RUN_STARTED_AT: '2026-03-02T10:00:00Z',
        DELIVERY_API_URL: 'https://portal.example.com/api/delivery',
        DELIVERY_TOKEN: 'external-token',
        ENTITY_REF: 'component:default/parking-api',
      };
    });

    function run(step: WorkflowStep, extra: Record<string, string> = {}) {
      const result = spawnSync(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!],
        {
          // The step's own variables but those GitHub fills in.
          env: {
            ...Object.fromEntries(
              Object.entries(step.env ?? {}).filter(
                ([, value]) => !value.includes('${{'),
              ),
            ),
            ...env,
            ...extra,
          },
          encoding: 'utf8',
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return result;
    }

    const sent = () =>
      fs
        .readFileSync(env.CURL_LOG, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line));

    const RUN = {
      type: 'pipeline_run',
      // The id the portal's GitHub source gives the same attempt.
      id: 'github-workflow-run-9921-attempt-2',
      entityRef: 'component:default/parking-api',
      workflow: 'parking-api (smart-city)',
      runAttempt: 2,
      branch: 'main',
      defaultBranch: 'main',
      commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      startedAt: '2026-03-02T10:00:00Z',
      url: 'https://github.com/acme/parking-api/actions/runs/9921/attempts/2',
    };

    it('reports the suites that ran, with at most 100 failing tests each', () => {
      run(reportTestResults(['chaos', 'blue-green']));
      const [event] = sent();
      expect(event).toEqual({
        ...RUN,
        status: 'in_progress',
        tests: [
          {
            suite: 'chaos',
            passed: 2,
            failed: 1,
            skipped: 0,
            failedTests: expect.arrayContaining(['upstream › times out']),
          },
        ],
      });
      expect(event.tests[0].failedTests).toHaveLength(100);
    });

    it("reports the run's conclusion from its jobs' results", () => {
      const [step] = reportRunJob({
        needs: ['changes'],
        deliveryApiUrl: 'x',
        entityRef: 'y',
      }).steps;
      run(step, { FAILED: 'true', CANCELLED: 'false' });
      run(step, { FAILED: 'false', CANCELLED: 'true' });
      run(step, { FAILED: 'false', CANCELLED: 'false' });
      expect(sent().map(event => event.conclusion)).toEqual([
        'failure',
        'cancelled',
        'success',
      ]);
      expect(sent()[0]).toEqual({
        ...RUN,
        status: 'completed',
        conclusion: 'failure',
        finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      });
    });

    it('never fails the run when there is no token', () => {
      const result = run(reportTestResults(['chaos']), { DELIVERY_TOKEN: '' });
      expect(result.stdout).toContain('No DELIVERY_TOKEN');
      expect(fs.existsSync(env.CURL_LOG)).toBe(false);
    });
  });
});
