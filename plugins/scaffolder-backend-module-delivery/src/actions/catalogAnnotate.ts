import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DELIVERY_ARGOCD_APP_ANNOTATION,
  DELIVERY_ENVIRONMENTS_ANNOTATION,
  DELIVERY_GITOPS_PATH_ANNOTATION,
  DELIVERY_SERVICE_ANNOTATION,
} from '@domain-delivery/backstage-plugin-delivery-common';
import fs from 'fs-extra';
import { Document, isMap, parseDocument } from 'yaml';
import { examples } from './catalogAnnotate.examples';
import { serviceInputs } from './deliveryInputs';

/**
 * Creates the `delivery:catalog:annotate` action: wires the catalog entity in the workspace
 * to Domain Delivery by setting its delivery annotations (creating the entity if needed).
 *
 * @public
 */
export function createCatalogAnnotateAction() {
  return createTemplateAction({
    id: 'delivery:catalog:annotate',
    description:
      "Sets the Domain Delivery annotations on the workspace's catalog entity, creating the entity file when it does not exist yet.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        service: serviceInputs.service,
        gitopsPath: z =>
          z
            .string()
            .optional()
            .describe('Folder of the values files in the GitOps repository'),
        environments: z =>
          z
            .array(z.string().min(1))
            .optional()
            .describe('Subset of the configured environments'),
        argocdApp: z =>
          z
            .string()
            .optional()
            .describe('Argo CD application name, {environment} placeholder'),
        filePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Entity file, relative to the workspace (default catalog-info.yaml)',
            ),
        component: z =>
          z
            .object({
              name: z.string(),
              owner: z.string(),
              system: z.string().optional(),
              type: z.string().optional(),
              lifecycle: z.string().optional(),
              description: z.string().optional(),
            })
            .optional()
            .describe('The component to create when the file does not exist'),
      },
      output: {
        entityRef: z => z.string().describe('The annotated entity'),
        filePath: z => z.string().describe('Where the entity file was written'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const filePath = input.filePath ?? 'catalog-info.yaml';
      const target = resolveSafeChildPath(ctx.workspacePath, filePath);

      let document: Document;
      if (await fs.pathExists(target)) {
        document = parseDocument(await fs.readFile(target, 'utf8'));
      } else if (input.component) {
        document = new Document(newComponent(input.component));
      } else {
        throw new InputError(
          `${filePath} does not exist in the workspace; pass 'component' to create it`,
        );
      }
      if (!isMap(document.contents) || !document.get('kind')) {
        throw new InputError(`${filePath} is not a catalog entity`);
      }

      const annotations: Record<string, string | undefined> = {
        [DELIVERY_SERVICE_ANNOTATION]: input.service,
        [DELIVERY_GITOPS_PATH_ANNOTATION]: input.gitopsPath,
        [DELIVERY_ENVIRONMENTS_ANNOTATION]: input.environments?.join(','),
        [DELIVERY_ARGOCD_APP_ANNOTATION]: input.argocdApp,
      };
      for (const [key, value] of Object.entries(annotations)) {
        if (value !== undefined) {
          document.setIn(['metadata', 'annotations', key], value);
        }
      }

      await fs.outputFile(target, document.toString());
      const kind = String(document.get('kind')).toLocaleLowerCase('en-US');
      const namespace = String(
        document.getIn(['metadata', 'namespace']) ?? 'default',
      );
      const name = String(document.getIn(['metadata', 'name']));
      ctx.output('entityRef', `${kind}:${namespace}/${name}`);
      ctx.output('filePath', filePath);
    },
  });
}

function newComponent(component: {
  name: string;
  owner: string;
  system?: string;
  type?: string;
  lifecycle?: string;
  description?: string;
}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: component.name,
      ...(component.description && { description: component.description }),
      annotations: {},
    },
    spec: {
      type: component.type ?? 'service',
      lifecycle: component.lifecycle ?? 'production',
      owner: component.owner,
      ...(component.system && { system: component.system }),
    },
  };
}
