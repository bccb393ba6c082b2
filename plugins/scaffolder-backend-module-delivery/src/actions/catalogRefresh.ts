import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CatalogAccess, refreshEntity } from '../catalog/catalogRequests';
import { examples } from './catalogRefresh.examples';

/**
 * Creates the `delivery:catalog:refresh` action: asks the catalog to process
 * an entity now, e.g. the Location that watches the demo's local repositories
 * so a new service shows up at once.
 *
 * @public
 */
export function createCatalogRefreshAction(options: CatalogAccess) {
  return createTemplateAction({
    id: 'delivery:catalog:refresh',
    description:
      "Asks the catalog to process an entity now instead of at its next turn, on behalf of the template's user; e.g. the Location that reads the demo's local repositories, so a newly published service appears at once.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z => z.string().min(1).describe('The entity to process now'),
      },
      output: {
        entityRef: z => z.string().describe('The entity that was refreshed'),
      },
    },
    async handler(ctx) {
      if (!ctx.isDryRun) {
        await refreshEntity(
          options.catalog,
          await ctx.getInitiatorCredentials(),
          ctx.input.entityRef,
        );
        ctx.logger.info(`Asked the catalog to refresh ${ctx.input.entityRef}`);
      }
      ctx.output('entityRef', ctx.input.entityRef);
    },
  });
}
