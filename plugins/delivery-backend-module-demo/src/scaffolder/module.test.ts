import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleDeliveryDemo } from './module';

describe("the demo's scaffolder module", () => {
  it('adds the action that publishes repositories locally', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleDeliveryDemo,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(
      addActions.mock.calls.flat().map((action: { id: string }) => action.id),
    ).toEqual(['delivery:repository:publish-local']);
  });
});
