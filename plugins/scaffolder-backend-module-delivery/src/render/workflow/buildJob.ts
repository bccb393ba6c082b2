import { uses } from './pinnedActions';
import type { WorkflowSpec } from './renderWorkflow';
import { WorkflowJob } from './workflowTypes';

/** The id of the job that builds, scans and pushes the image. */
export const BUILD_JOB_ID = 'image';

/** Whether the run delivers: a push or manual run on the main branch, never a pull request. */
export function deliversCondition(spec: WorkflowSpec): string {
  return `github.event_name != 'pull_request' && github.ref == 'refs/heads/${spec.mainBranch}'`;
}

function registryHost(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && /[.:]|^localhost$/.test(first)
    ? first
    : 'docker.io';
}

function registryLogin(spec: WorkflowSpec): {
  registry: string;
  username: string;
  password: string;
  permissions: WorkflowJob['permissions'];
} {
  const host = spec.image ? registryHost(spec.image) : 'ghcr.io';
  return host === 'ghcr.io'
    ? {
        registry: host,
        username: '${{ github.actor }}',
        password: '${{ secrets.GITHUB_TOKEN }}',
        permissions: { contents: 'read', packages: 'write' },
      }
    : {
        registry: host,
        username: '${{ secrets.REGISTRY_USERNAME }}',
        password: '${{ secrets.REGISTRY_PASSWORD }}',
        permissions: { contents: 'read' },
      };
}

/**
 * Builds the image with the GitHub Actions layer cache, scans it for
 * vulnerabilities and, when the run delivers, pushes exactly the scanned image.
 */
export function buildImageJob(
  spec: WorkflowSpec,
  needs: string[],
  condition: string,
): WorkflowJob {
  const { permissions, ...login } = registryLogin(spec);
  const delivers = deliversCondition(spec);
  const context = spec.servicePath;
  return {
    name: 'Build and scan the image',
    needs,
    if: condition,
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 30,
    permissions,
    outputs: {
      image: '${{ steps.meta.outputs.image }}',
      version: '${{ steps.meta.outputs.version }}',
    },
    steps: [
      {
        name: 'Check out the repository',
        uses: uses('checkout'),
        with: { 'persist-credentials': false },
      },
      {
        id: 'meta',
        name: 'Name the image and its version',
        env: { IMAGE: spec.image ?? '' },
        run: [
          // Registries want lower-case repository names; owners may not be.
          `image="\${IMAGE:-ghcr.io/\${GITHUB_REPOSITORY_OWNER,,}/${spec.service}}"`,
          'version="${GITHUB_SHA::12}"',
          '{',
          '  echo "image=${image}"',
          '  echo "version=${version}"',
          '  echo "reference=${image}:${version}"',
          '} >> "$GITHUB_OUTPUT"',
        ].join('\n'),
      },
      { name: 'Set up Docker Buildx', uses: uses('setupBuildx') },
      {
        name: 'Build the image with the layer cache',
        uses: uses('buildPush'),
        with: {
          context,
          load: true,
          push: false,
          tags: '${{ steps.meta.outputs.reference }}',
          'cache-from': `type=gha,scope=${spec.service}`,
          'cache-to': `type=gha,mode=max,scope=${spec.service}`,
        },
      },
      {
        name: 'Scan the image for vulnerabilities',
        uses: uses('trivy'),
        with: {
          'image-ref': '${{ steps.meta.outputs.reference }}',
          'exit-code': '1',
          severity: 'CRITICAL,HIGH',
          'ignore-unfixed': true,
          format: 'table',
        },
      },
      {
        name: 'Log in to the registry',
        if: delivers,
        uses: uses('login'),
        with: login,
      },
      {
        name: 'Push the scanned image',
        if: delivers,
        env: { IMAGE_REFERENCE: '${{ steps.meta.outputs.reference }}' },
        run: 'docker push "$IMAGE_REFERENCE"',
      },
    ],
  };
}
