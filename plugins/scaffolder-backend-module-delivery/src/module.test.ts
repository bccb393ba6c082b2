import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModule } from './module';

describe('the delivery scaffolder module', () => {
  it("adds the golden path actions to the scaffolder, none of them the demo's", async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModule,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const ids = addActions.mock.calls
      .flat()
      .map((action: { id: string }) => action.id);
    expect(ids.sort()).toEqual([
      'delivery:argocd:applications',
      'delivery:catalog:annotate',
      'delivery:catalog:domain-services',
      'delivery:catalog:refresh',
      'delivery:gitops:publish',
      'delivery:helm:values',
      'delivery:workflow:create',
    ]);
  });
});
