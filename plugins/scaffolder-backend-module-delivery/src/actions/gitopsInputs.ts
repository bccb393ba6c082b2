import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { DNS_LABEL } from '../names';

/** The zod an action's input fields are built with. */
type Zod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/*
 * Input fields the actions that write a domain service's GitOps files
 * (delivery:helm:values, delivery:argocd:applications) share, in groups to
 * spread into their input schemas.
 */

/** The service and its domain. */
export const serviceInputs = {
  service: (z: Zod) => z.string().regex(DNS_LABEL).describe('The service name'),
  domain: (z: Zod) =>
    z.string().min(1).describe('The domain, as a name or an entity ref'),
};

/**
 * The service's environments, and those whose files are written;
 * `onlyDescription` says what is written for them.
 */
export function environmentsInputs(onlyDescription: string) {
  return {
    environments: (z: Zod) =>
      z
        .array(z.string().regex(DNS_LABEL))
        .optional()
        .describe("The service's environments; default all configured"),
    onlyEnvironments: (z: Zod) =>
      z.array(z.string().regex(DNS_LABEL)).optional().describe(onlyDescription),
  };
}

/** Where the GitOps repository and the service's chart are. */
export const gitopsPathInputs = {
  targetPath: (z: Zod) =>
    z
      .string()
      .optional()
      .describe(
        "The GitOps repository's root in the workspace; default gitops",
      ),
  gitopsPath: (z: Zod) =>
    z
      .string()
      .regex(/^[\w.-]+(\/[\w.-]+)*$/)
      .optional()
      .describe(
        "The chart's folder in the GitOps repository; default apps/<domain>/<service>",
      ),
};
