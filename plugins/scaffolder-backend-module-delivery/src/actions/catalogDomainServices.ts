import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CatalogAccess, findDomainServices } from '../catalog/catalogRequests';
import { examples } from './catalogDomainServices.examples';

/**
 * Creates the `delivery:catalog:domain-services` action: lists the services of
 * a domain that are delivered through Domain Delivery, for steps that loop
 * over them with `each`.
 *
 * @public
 */
export function createCatalogDomainServicesAction(options: CatalogAccess) {
  return createTemplateAction({
    id: 'delivery:catalog:domain-services',
    description:
      "Lists the components of a domain's systems that carry the domain-delivery.io/service annotation, with their GitOps folder and Argo CD application name, for steps that loop over them with `each`.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        domain: z =>
          z.string().min(1).describe('The domain, as an entity ref or a name'),
      },
      output: {
        services: z =>
          z
            .array(
              z.object({
                entityRef: z.string(),
                name: z.string(),
                service: z.string(),
                system: z.string(),
                owner: z.string().optional(),
                gitopsPath: z.string(),
                argocdApp: z.string(),
                environments: z.array(z.string()).optional(),
              }),
            )
            .describe("The domain's delivered services, by entity ref"),
      },
    },
    async handler(ctx) {
      const services = await findDomainServices(
        options.catalog,
        await ctx.getInitiatorCredentials(),
        ctx.input.domain,
      );
      ctx.logger.info(
        `${ctx.input.domain} has ${
          services.length
        } delivered services: ${services
          .map(service => service.name)
          .join(', ')}`,
      );
      ctx.output('services', services);
    },
  });
}
