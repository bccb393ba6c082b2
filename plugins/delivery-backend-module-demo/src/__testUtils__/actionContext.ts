import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * `createMockActionContext`, also taking the options it leaves out: whether
 * the run is a dry run and the checkpoint implementation.
 */
export function mockActionContext(
  options: Parameters<typeof createMockActionContext>[0] & {
    isDryRun?: boolean;
    checkpoint?: ActionContext<any, any>['checkpoint'];
  },
): any {
  const { isDryRun, checkpoint, ...rest } = options;
  return {
    ...createMockActionContext(rest),
    ...(isDryRun !== undefined && { isDryRun }),
    ...(checkpoint && { checkpoint }),
  };
}
