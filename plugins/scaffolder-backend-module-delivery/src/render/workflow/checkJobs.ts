import { ServiceCommands, serviceCommands, toolchainSetup } from './languages';
import { uses } from './pinnedActions';
import { reportTestResults, TEST_SUMMARY_DIR } from './pipelineRunSteps';
import type { WorkflowSpec } from './renderWorkflow';
import { WorkflowJob, WorkflowStep } from './workflowTypes';

interface CheckDefinition {
  id: string;
  name: string;
  /** The test suites the job runs, whose results it reports with the run. */
  suites?: string[];
  steps: (commands: ServiceCommands) => WorkflowStep[];
}

const CHECKS: CheckDefinition[] = [
  {
    id: 'lint',
    name: 'Lint',
    steps: commands => [{ name: 'Lint', run: commands.lint }],
  },
  {
    id: 'unit-tests',
    suites: ['unit'],
    name: 'Unit tests',
    steps: commands => [{ name: 'Run the unit tests', run: commands.unit }],
  },
  {
    id: 'integration-tests',
    suites: ['integration'],
    name: 'Integration tests',
    steps: commands => [
      { name: 'Run the integration tests', run: commands.integration },
    ],
  },
  {
    id: 'contract-tests',
    suites: ['contract'],
    name: 'Contract tests',
    steps: commands => [
      { name: 'Run the contract tests', run: commands.contract },
    ],
  },
  {
    id: 'resilience-tests',
    suites: ['chaos', 'blue-green'],
    name: 'Chaos and blue-green tests',
    steps: commands => [
      { name: 'Run the chaos tests', run: commands.chaos },
      { name: 'Run the blue-green tests', run: commands.blueGreen },
    ],
  },
  {
    id: 'domain-boundaries',
    name: 'Domain boundaries',
    steps: commands => [
      {
        name: "Fail on imports from another domain's packages",
        run: commands.domainBoundaries,
      },
    ],
  },
];

/** The ids of the check jobs the image build waits for. */
export const CHECK_JOB_IDS = CHECKS.map(check => check.id);

/**
 * The checks of a change: lint, the test suites (each job reporting its
 * suites' results to the portal with the run) and the domain boundaries.
 */
export function checkJobs(
  spec: WorkflowSpec,
  needs: string[],
  condition: string,
): Record<string, WorkflowJob> {
  const commands = serviceCommands(spec.language);
  return Object.fromEntries(
    CHECKS.map(check => [
      check.id,
      {
        name: check.name,
        needs,
        if: condition,
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 15,
        permissions: { contents: 'read' },
        ...(check.suites && {
          env: {
            DELIVERY_API_URL: spec.deliveryApiUrl,
            ENTITY_REF: spec.entityRef,
          },
        }),
        steps: [
          {
            name: 'Check out the repository',
            uses: uses('checkout'),
            with: { 'persist-credentials': false },
          },
          ...toolchainSetup(spec.language, spec.servicePath),
          ...(check.suites
            ? [
                // The test commands write each suite's counts there.
                ...check
                  .steps(commands)
                  .map(step => ({ ...step, env: { TEST_SUMMARY_DIR } })),
                reportTestResults(check.suites),
              ]
            : check.steps(commands)),
        ],
      },
    ]),
  );
}
