import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { DNS_LABEL } from '../names';

/** The zod an action's input fields are built with. */
type Zod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/*
 * Input fields the golden path's actions share, declared once so that a
 * template passes the same parameter the same way to every step; in groups to
 * spread into their input schemas.
 */

/** The service and its domain. */
export const serviceInputs = {
  service: (z: Zod) =>
    z.string().regex(DNS_LABEL).describe('The service name, e.g. parking-api'),
  domain: (z: Zod) =>
    z.string().min(1).describe('The domain, as a name or an entity ref'),
};

/** The service's environments. */
export const environmentsInput = {
  environments: (z: Zod) =>
    z
      .array(z.string().regex(DNS_LABEL))
      .optional()
      .describe("The service's environments; default all configured"),
};

/**
 * The environments whose files are written, of the service's environments;
 * `description` says what is written for them.
 */
export function onlyEnvironmentsInput(description: string) {
  return {
    onlyEnvironments: (z: Zod) =>
      z.array(z.string().regex(DNS_LABEL)).optional().describe(description),
  };
}

/** The image repository, without tag; `description` says what it is for. */
export function imageInput(description: string) {
  return {
    image: (z: Zod) =>
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9._\-/:]*$/)
        .optional()
        .describe(description),
  };
}

/** The domain the service's environments are served under. */
export const ingressDomainInput = {
  ingressDomain: (z: Zod) =>
    z
      .string()
      .optional()
      .describe(
        'The domain the environments are served under: <service>.<environment>.<ingressDomain>, production <service>.<ingressDomain>; default apps.example.com',
      ),
};

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
