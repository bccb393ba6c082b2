import { InputError } from '@backstage/errors';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { deliversCondition } from './buildJob';
import { serviceCommands, toolchainSetup } from './languages';
import { uses } from './pinnedActions';
import {
  reportDeploymentResult,
  reportDeploymentStarted,
  requestPromotion,
  waitForVersion,
} from './portalSteps';
import type { WorkflowSpec } from './renderWorkflow';
import { WorkflowJob, WorkflowStep } from './workflowTypes';

function smokeTestSteps(spec: WorkflowSpec): WorkflowStep[] {
  return [
    waitForVersion(),
    {
      name: 'Check out the repository',
      uses: uses('checkout'),
      with: { 'persist-credentials': false },
    },
    ...toolchainSetup(spec.language, spec.servicePath),
    {
      name: 'Run the blue-green checks against the environment',
      run: serviceCommands(spec.language).blueGreen,
    },
  ];
}

function environmentJob(
  spec: WorkflowSpec,
  environment: Pick<Environment, 'name' | 'production'>,
  buildJobId: string,
  previousJobId: string,
): Omit<WorkflowJob, 'name' | 'steps' | 'permissions'> {
  return {
    needs: Array.from(new Set([buildJobId, previousJobId])),
    if: deliversCondition(spec),
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 45,
    // Two runs never deploy the same environment at once; none is cancelled midway.
    concurrency: {
      group: `${spec.service}-${environment.name}`,
      'cancel-in-progress': false,
    },
    env: {
      DELIVERY_API_URL: spec.deliveryApiUrl,
      ENTITY_REF: spec.entityRef,
      ENVIRONMENT: environment.name,
      VERSION: `\${{ needs.${buildJobId}.outputs.version }}`,
      SERVICE_URL: spec.environmentUrls[environment.name],
    },
  };
}

/**
 * Delivery through the environments: the first one is deployed by the
 * pipeline, the next non-production ones are promoted through the portal once
 * the previous one passed its checks, and production gets a promotion request
 * that waits for approval in the portal, from a job behind the production
 * GitHub environment (which the portal's protection rule gates).
 */
export function deliveryJobs(
  spec: WorkflowSpec,
  buildJobId: string,
): Record<string, WorkflowJob> {
  const jobs: Record<string, WorkflowJob> = {};
  let previousJobId = buildJobId;
  let lastVerifiedJobId = buildJobId;
  spec.environments.forEach((environment, index) => {
    const common = environmentJob(
      spec,
      environment,
      buildJobId,
      environment.production ? lastVerifiedJobId : previousJobId,
    );
    if (environment.production) {
      const id = `request-${environment.name}`;
      jobs[id] = {
        name: `Request promotion to ${environment.name}`,
        ...common,
        permissions: {},
        // A GitHub environment from the first run: with the portal installed as
        // its deployment protection rule, GitHub asks the portal (freeze
        // windows, halts, soak time, approvals) before this job may run.
        environment: {
          name: environment.name,
          url: spec.environmentUrls[environment.name],
        },
        steps: [requestPromotion({ wait: false })],
      };
      previousJobId = id;
      return;
    }
    if (previousJobId !== lastVerifiedJobId) {
      throw new InputError(
        `Non-production environment ${environment.name} comes after a production environment`,
      );
    }
    const trigger = index === 0 ? 'pipeline' : 'promotion';
    const id = `${index === 0 ? 'deploy' : 'promote'}-${environment.name}`;
    jobs[id] = {
      name:
        index === 0
          ? `Deploy to ${environment.name}`
          : `Promote to ${environment.name}`,
      ...common,
      permissions: { contents: 'read' },
      environment: {
        name: environment.name,
        url: spec.environmentUrls[environment.name],
      },
      steps: [
        reportDeploymentStarted(trigger),
        ...(trigger === 'promotion' ? [requestPromotion({ wait: true })] : []),
        ...smokeTestSteps(spec),
        reportDeploymentResult(trigger),
      ],
    };
    previousJobId = id;
    lastVerifiedJobId = id;
  });
  return jobs;
}
