import { Document, isScalar, Scalar, visit } from 'yaml';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { createYamlDocument } from '../yamlDocument';
import { checkJobs, CHECK_JOB_IDS } from './checkJobs';
import { buildImageJob, BUILD_JOB_ID } from './buildJob';
import { deliveryJobs } from './deliveryJobs';
import { ServiceLanguage } from './languages';
import { pinnedRelease, uses } from './pinnedActions';
import { reportRunJob } from './pipelineRunSteps';
import { WorkflowJob } from './workflowTypes';

/** What a service's delivery workflow is generated from. */
export interface WorkflowSpec {
  /** The service name, e.g. `parking-api`. */
  service: string;
  /** The domain the service belongs to, e.g. `smart-city`. */
  domain: string;
  /** The catalog entity the portal knows the service as. */
  entityRef: string;
  language: ServiceLanguage;
  /** The service's folder in its repository, `.` for the repository root. */
  servicePath: string;
  /** The workflow file's path in the repository. */
  workflowPath: string;
  /** The branch that deploys. */
  mainBranch: string;
  /** The environments in promotion order. */
  environments: Pick<Environment, 'name' | 'production'>[];
  /** The image repository; by default `ghcr.io/<repository owner>/<service>`. */
  image?: string;
  /** The portal's delivery API, e.g. `https://portal.example.com/api/delivery`. */
  deliveryApiUrl: string;
  /** The URL each environment serves the service on. */
  environmentUrls: Record<string, string>;
}

const CHANGES_JOB_ID = 'changes';
const REPORT_JOB_ID = 'report-run';

function changesJob(spec: WorkflowSpec): WorkflowJob {
  return {
    name: 'Detect changes to the service',
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 5,
    permissions: { contents: 'read' },
    outputs: {
      service: '${{ steps.diff.outputs.service }}',
      started_at: '${{ steps.started.outputs.at }}',
    },
    steps: [
      {
        id: 'started',
        name: 'Note when the run started, for its report to the portal',
        run: 'echo "at=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$GITHUB_OUTPUT"',
      },
      {
        name: 'Check out the repository with its history',
        uses: uses('checkout'),
        with: { 'fetch-depth': 0, 'persist-credentials': false },
      },
      {
        id: 'diff',
        name: 'Compare with the previous state',
        env: {
          EVENT_NAME: '${{ github.event_name }}',
          BASE_SHA:
            '${{ github.event.pull_request.base.sha || github.event.before }}',
          SERVICE_PATH: spec.servicePath,
          WORKFLOW_PATH: spec.workflowPath,
        },
        run: [
          // A manual run, a new branch or a force-push has nothing to compare with.
          'if [ "$EVENT_NAME" = workflow_dispatch ] || ! git cat-file -e "${BASE_SHA}^{commit}" 2>/dev/null; then',
          '  echo "service=true" >> "$GITHUB_OUTPUT"',
          '  exit 0',
          'fi',
          'changed=$(git diff --name-only "$BASE_SHA" HEAD -- "$SERVICE_PATH" "$WORKFLOW_PATH" | grep -v \'\\.md$\' || true)',
          'if [ -n "$changed" ]; then',
          '  echo "service=true" >> "$GITHUB_OUTPUT"',
          'else',
          '  echo "service=false" >> "$GITHUB_OUTPUT"',
          'fi',
        ].join('\n'),
      },
    ],
  };
}

function triggerPaths(spec: WorkflowSpec): string[] {
  const prefix = spec.servicePath === '.' ? '' : `${spec.servicePath}/`;
  return [`${prefix}**`, `!${prefix}**/*.md`, spec.workflowPath];
}

/**
 * The delivery workflow of a domain service: change detection, checks, an
 * image built with cache and scanned, then deployment to the first
 * environment, promotions through the others and a promotion request for
 * production that waits for approval in the portal; the run and its test
 * results are reported to the portal as a pipeline run.
 */
export function renderWorkflow(spec: WorkflowSpec): Document {
  const paths = triggerPaths(spec);
  const serviceChanged = `needs.${CHANGES_JOB_ID}.outputs.service == 'true'`;
  const jobs: Record<string, WorkflowJob> = {
    [CHANGES_JOB_ID]: changesJob(spec),
    ...checkJobs(spec, [CHANGES_JOB_ID], serviceChanged),
    [BUILD_JOB_ID]: buildImageJob(
      spec,
      [CHANGES_JOB_ID, ...CHECK_JOB_IDS],
      serviceChanged,
    ),
    ...deliveryJobs(spec, BUILD_JOB_ID),
  };
  jobs[REPORT_JOB_ID] = {
    ...reportRunJob({
      needs: Object.keys(jobs),
      deliveryApiUrl: spec.deliveryApiUrl,
      entityRef: spec.entityRef,
    }),
    // Once every job is done, whatever their results, when the service changed.
    if: `always() && ${serviceChanged}`,
  };

  const document = createYamlDocument({
    name: `${spec.service} (${spec.domain})`,
    on: {
      push: { branches: [spec.mainBranch], paths },
      pull_request: { paths },
      workflow_dispatch: {},
    },
    // Nothing by default; each job asks for what it needs.
    permissions: {},
    concurrency: {
      group:
        '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
    },
    defaults: {
      run: {
        shell: 'bash',
        ...(spec.servicePath !== '.' && {
          'working-directory': spec.servicePath,
        }),
      },
    },
    jobs,
  });
  annotate(document);
  return document;
}

/** Writes each pinned action's release next to its commit, and quotes `on`. */
function annotate(document: Document) {
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) {
        return;
      }
      // `on` is a boolean in YAML 1.1; quoted, every reader agrees it is a key.
      if (pair.key.value === 'on') {
        pair.key.type = Scalar.QUOTE_DOUBLE;
      }
      if (pair.key.value === 'uses' && isScalar(pair.value)) {
        const release = pinnedRelease(String(pair.value.value));
        if (release) {
          pair.value.comment = ` ${release}`;
        }
      }
    },
  });
}
