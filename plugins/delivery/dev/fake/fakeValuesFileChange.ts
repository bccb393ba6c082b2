import { parseEntityRef } from '@backstage/catalog-model';
import { PromotionChangePreview } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * What the `gitops-local` executor would preview for a promotion: the image
 * tag of the entity's values file for the environment, from the version
 * running there to the promoted one.
 */
export function fakeValuesFileChange(options: {
  entityRef: string;
  environment: string;
  currentVersion?: string;
  version: string;
}): PromotionChangePreview {
  const { name } = parseEntityRef(options.entityRef);
  const path = `apps/${name}/values-${options.environment}.yaml`;
  const values = (tag: string) =>
    `image:\n  repository: ghcr.io/example/${name}\n  tag: ${tag}\n`;
  const after = values(options.version);
  const header = `--- a/${path}\n+++ b/${path}\n`;
  if (!options.currentVersion) {
    return {
      executor: 'gitops-local',
      description: `Commits image.tag ${options.version} to ${path} in the local GitOps repository`,
      files: [
        {
          path,
          after,
          diff: `--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,3 @@\n${after
            .trimEnd()
            .split('\n')
            .map(line => `+${line}`)
            .join('\n')}\n`,
        },
      ],
    };
  }
  return {
    executor: 'gitops-local',
    description: `Commits image.tag ${options.version} to ${path} in the local GitOps repository`,
    files: [
      {
        path,
        before: values(options.currentVersion),
        after,
        diff: `${header}@@ -1,3 +1,3 @@\n image:\n   repository: ghcr.io/example/${name}\n-  tag: ${options.currentVersion}\n+  tag: ${options.version}\n`,
      },
    ],
  };
}
