import { WorkflowJob, WorkflowStep } from './workflowTypes';

/*
 * Steps that report the run itself to the portal's event API as a
 * `pipeline_run` event: each check job its test suites while the run goes
 * on, and a last job the run's conclusion. The id is the one the portal's
 * GitHub source gives the same run attempt, so the webhook's record and these
 * reports are one record. As in portalSteps, every value reaches the scripts
 * through environment variables, never `${{ }}` inside `run:`.
 */

/** Where the test commands write each suite's counts (see the skeleton's test runners). */
export const TEST_SUMMARY_DIR = '${{ runner.temp }}/test-summaries';

const RUN_ENV = {
  DELIVERY_TOKEN: '${{ secrets.DELIVERY_TOKEN }}',
  RUN_STARTED_AT: '${{ needs.changes.outputs.started_at }}',
  HEAD_SHA: '${{ github.event.pull_request.head.sha || github.sha }}',
  DEFAULT_BRANCH: '${{ github.event.repository.default_branch }}',
};

/** The event's fields every report of the run carries, as jq arguments and an object. */
const RUN_FIELDS = [
  'host=${GITHUB_SERVER_URL#*://}',
  'id_host=""',
  '[ "$host" = github.com ] || id_host="${host}-"',
  'url="${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}"',
  '[ "${GITHUB_RUN_ATTEMPT:-1}" = 1 ] || url="${url}/attempts/${GITHUB_RUN_ATTEMPT}"',
  'run_fields() {',
  '  jq --null-input \\',
  '    --arg id "github-workflow-run-${id_host}${GITHUB_RUN_ID}-attempt-${GITHUB_RUN_ATTEMPT:-1}" \\',
  '    --arg entityRef "$ENTITY_REF" \\',
  '    --arg workflow "$GITHUB_WORKFLOW" \\',
  '    --argjson runAttempt "${GITHUB_RUN_ATTEMPT:-1}" \\',
  '    --arg branch "${GITHUB_HEAD_REF:-$GITHUB_REF_NAME}" \\',
  '    --arg defaultBranch "$DEFAULT_BRANCH" \\',
  '    --arg commitSha "$HEAD_SHA" \\',
  '    --arg startedAt "${RUN_STARTED_AT:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}" \\',
  '    --arg url "$url" \\',
  '    \'{type: "pipeline_run", id: $id, entityRef: $entityRef, workflow: $workflow, runAttempt: $runAttempt, branch: $branch, commitSha: $commitSha, startedAt: $startedAt, url: $url} + (if $defaultBranch == "" then {} else {defaultBranch: $defaultBranch} end)\'',
  '}',
];

// A report that cannot be sent (a pull request from a fork has no token, the
// portal may be down) warns: it never fails the run it describes.
const SEND = [
  'if [ -z "$DELIVERY_TOKEN" ]; then',
  '  echo "::notice::No DELIVERY_TOKEN: the run is not reported to the portal"',
  '  exit 0',
  'fi',
  'curl --fail-with-body --silent --show-error --retry 3 \\',
  '  --header "Authorization: Bearer ${DELIVERY_TOKEN}" \\',
  "  --header 'Content-Type: application/json' \\",
  '  --data @"$RUNNER_TEMP/pipeline-run-event.json" \\',
  '  "${DELIVERY_API_URL}/events" \\',
  '  || echo "::warning::The portal did not take the pipeline run report"',
];

/**
 * Reports the job's test suites, read from the counts the test commands
 * wrote to TEST_SUMMARY_DIR, with the run still in progress; a suite whose
 * command wrote nothing (it did not run) is left out.
 */
export function reportTestResults(suites: string[]): WorkflowStep {
  return {
    name: 'Report the test results to the portal',
    if: 'always()',
    env: { ...RUN_ENV, TEST_SUMMARY_DIR, SUITES: suites.join(' ') },
    run: [
      ...RUN_FIELDS,
      'tests="[]"',
      'for suite in $SUITES; do',
      '  file="${TEST_SUMMARY_DIR}/${suite}.json"',
      '  [ -f "$file" ] || continue',
      '  # At most 100 failing tests of at most 255 characters each, as the portal takes them.',
      '  tests=$(jq --arg suite "$suite" --slurpfile summary "$file" \\',
      '    \'. + [$summary[0] | {suite: $suite, passed, failed, skipped, failedTests: ((.failedTests // [])[:100] | map(.[:255]))}]\' <<< "$tests")',
      'done',
      'if [ "$tests" = "[]" ]; then',
      '  echo "No test results to report"',
      '  exit 0',
      'fi',
      'run_fields | jq --argjson tests "$tests" \'. + {status: "in_progress", tests: $tests}\' > "$RUNNER_TEMP/pipeline-run-event.json"',
      ...SEND,
    ].join('\n'),
  };
}

/** The job that reports the run's conclusion once every other job is done. */
export function reportRunJob(options: {
  needs: string[];
  deliveryApiUrl: string;
  entityRef: string;
}): WorkflowJob {
  return {
    name: 'Report the run to the portal',
    needs: options.needs,
    if: 'always()',
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 5,
    permissions: {},
    env: {
      DELIVERY_API_URL: options.deliveryApiUrl,
      ENTITY_REF: options.entityRef,
    },
    steps: [
      {
        name: 'Report the run and its conclusion to the portal',
        env: {
          ...RUN_ENV,
          FAILED: "${{ contains(needs.*.result, 'failure') }}",
          CANCELLED: "${{ contains(needs.*.result, 'cancelled') }}",
        },
        run: [
          ...RUN_FIELDS,
          'conclusion=success',
          'if [ "$FAILED" = true ]; then conclusion=failure',
          'elif [ "$CANCELLED" = true ]; then conclusion=cancelled; fi',
          'run_fields | jq --arg conclusion "$conclusion" --arg finishedAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \\',
          '  \'. + {status: "completed", conclusion: $conclusion, finishedAt: $finishedAt}\' > "$RUNNER_TEMP/pipeline-run-event.json"',
          ...SEND,
        ].join('\n'),
      },
    ],
  };
}
