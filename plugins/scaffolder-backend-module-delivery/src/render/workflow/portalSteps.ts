import { WorkflowStep } from './workflowTypes';

/*
 * Steps that talk to the portal's delivery API. Every value reaches the
 * scripts through environment variables (never `${{ }}` inside `run:`), so
 * nothing a commit or a pull request controls is interpreted by the shell.
 * The job provides DELIVERY_API_URL, ENTITY_REF, ENVIRONMENT and VERSION.
 */

const TOKEN_ENV = { DELIVERY_TOKEN: '${{ secrets.DELIVERY_TOKEN }}' };

const RUN_URL =
  '${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}';

const AUTHORIZATION = '--header "Authorization: Bearer ${DELIVERY_TOKEN}"';

/** How a deployment came about, as the event API names it. */
export type DeploymentTrigger = 'pipeline' | 'promotion';

function deploymentEventScript(trigger: DeploymentTrigger, finished: boolean) {
  const status = finished
    ? [
        'case "$JOB_STATUS" in',
        '  success) status=succeeded ;;',
        '  cancelled) status=cancelled ;;',
        '  *) status=failed ;;',
        'esac',
      ]
    : ['status=in_progress'];
  const fields = [
    'type: "deployment"',
    'id: $id',
    'entityRef: $entityRef',
    'environment: $environment',
    'version: $version',
    'commitSha: $commitSha',
    'status: $status',
    'trigger: $trigger',
    'startedAt: $startedAt',
    ...(finished ? ['finishedAt: $finishedAt'] : []),
    'url: $url',
  ];
  return [
    ...status,
    'started_at="${DEPLOYMENT_STARTED_AT:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"',
    'echo "DEPLOYMENT_STARTED_AT=${started_at}" >> "$GITHUB_ENV"',
    'jq --null-input \\',
    '  --arg id "gha-${GITHUB_RUN_ID}-${ENVIRONMENT}" \\',
    '  --arg entityRef "$ENTITY_REF" \\',
    '  --arg environment "$ENVIRONMENT" \\',
    '  --arg version "$VERSION" \\',
    '  --arg commitSha "$GITHUB_SHA" \\',
    '  --arg status "$status" \\',
    `  --arg trigger "${trigger}" \\`,
    '  --arg startedAt "$started_at" \\',
    ...(finished
      ? ['  --arg finishedAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \\']
      : []),
    `  --arg url "${RUN_URL}" \\`,
    `  '{${fields.join(', ')}}' > "$RUNNER_TEMP/deployment-event.json"`,
    'curl --fail-with-body --silent --show-error --retry 3 \\',
    `  ${AUTHORIZATION} \\`,
    "  --header 'Content-Type: application/json' \\",
    '  --data @"$RUNNER_TEMP/deployment-event.json" \\',
    '  "${DELIVERY_API_URL}/events"',
  ].join('\n');
}

/** Reports to the event API that the job's deployment has started. */
export function reportDeploymentStarted(
  trigger: DeploymentTrigger,
): WorkflowStep {
  return {
    name: 'Report the deployment to the portal',
    env: TOKEN_ENV,
    run: deploymentEventScript(trigger, false),
  };
}

/** Reports the job's outcome to the event API, whatever it was. */
export function reportDeploymentResult(
  trigger: DeploymentTrigger,
): WorkflowStep {
  return {
    name: 'Report the deployment result to the portal',
    if: 'always()',
    env: { ...TOKEN_ENV, JOB_STATUS: '${{ job.status }}' },
    run: deploymentEventScript(trigger, true),
  };
}

/**
 * Requests a promotion of VERSION into ENVIRONMENT through the portal. With
 * `wait`, follows it until it has been carried out; without, leaves it
 * waiting for approval in the portal (a refusal, e.g. in a freeze window, is
 * a warning then, not a failure of the build).
 */
export function requestPromotion(options: { wait: boolean }): WorkflowStep {
  const refused = options.wait
    ? [
        '  echo "::error::The portal refused the promotion: ${message}"',
        '  exit 1',
      ]
    : [
        '  echo "::warning::The portal refused the promotion: ${message}"',
        '  exit 0',
      ];
  const follow = options.wait
    ? [
        'encoded_id=$(jq -rn --arg id "$id" \'$id | @uri\')',
        'deadline=$((SECONDS + 1800))',
        'while :; do',
        '  state=$(curl --fail-with-body --silent --show-error --retry 3 \\',
        `    ${AUTHORIZATION} \\`,
        '    "${DELIVERY_API_URL}/promotions/${encoded_id}" | jq -r .state)',
        '  case "$state" in',
        '    succeeded) echo "Promotion ${id} into ${ENVIRONMENT} succeeded"; exit 0 ;;',
        '    failed | rejected | cancelled)',
        '      echo "::error::Promotion ${id} into ${ENVIRONMENT} ended ${state}"',
        '      exit 1 ;;',
        '  esac',
        '  if [ "$SECONDS" -ge "$deadline" ]; then',
        '    echo "::error::Promotion ${id} into ${ENVIRONMENT} is still ${state} after 30 minutes"',
        '    exit 1',
        '  fi',
        '  sleep 20',
        'done',
      ]
    : [
        'echo "Promotion ${id} of ${VERSION} into ${ENVIRONMENT} waits for approval in the portal." >> "$GITHUB_STEP_SUMMARY"',
      ];
  return {
    name: options.wait
      ? 'Promote through the portal and wait until it is done'
      : 'Request the promotion in the portal',
    env: TOKEN_ENV,
    run: [
      'jq --null-input \\',
      '  --arg entityRef "$ENTITY_REF" \\',
      '  --arg environment "$ENVIRONMENT" \\',
      '  --arg version "$VERSION" \\',
      `  --arg reason "Requested by ${RUN_URL}" \\`,
      "  '{entityRef: $entityRef, environment: $environment, version: $version, reason: $reason}' \\",
      '  > "$RUNNER_TEMP/promotion-request.json"',
      'http_status=$(curl --silent --show-error --retry 3 \\',
      `  ${AUTHORIZATION} \\`,
      "  --header 'Content-Type: application/json' \\",
      '  --data @"$RUNNER_TEMP/promotion-request.json" \\',
      '  --output "$RUNNER_TEMP/promotion.json" --write-out \'%{http_code}\' \\',
      '  "${DELIVERY_API_URL}/promotions")',
      'if [ "$http_status" = 409 ]; then',
      '  message=$(jq -r \'.error.message // "conflict"\' "$RUNNER_TEMP/promotion.json")',
      ...refused,
      'fi',
      'if [ "$http_status" -ge 300 ]; then',
      '  echo "::error::The portal answered ${http_status} to the promotion request"',
      '  cat "$RUNNER_TEMP/promotion.json"',
      '  exit 1',
      'fi',
      'id=$(jq -r .id "$RUNNER_TEMP/promotion.json")',
      ...follow,
    ].join('\n'),
  };
}

/**
 * Waits until the environment serves VERSION on SERVICE_URL (Argo CD rolls it
 * out; the service answers its version on `/version`).
 */
export function waitForVersion(): WorkflowStep {
  return {
    name: 'Wait until the environment serves the new version',
    run: [
      'deadline=$((SECONDS + 900))',
      'until [ "$(curl --silent --fail "${SERVICE_URL}/version" | jq -r .version 2>/dev/null)" = "$VERSION" ]; do',
      '  if [ "$SECONDS" -ge "$deadline" ]; then',
      '    echo "::error::${SERVICE_URL} does not serve ${VERSION} after 15 minutes"',
      '    exit 1',
      '  fi',
      '  sleep 15',
      'done',
    ].join('\n'),
  };
}
