import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityCatalog } from './EntityCatalog';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'parking-api', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team-a' },
};

function catalogWith(answers: Record<string, Entity | undefined>) {
  return catalogServiceMock.mock({
    getEntityByRef: jest.fn(async (_ref, options) => {
      const { credentials } = options as { credentials: BackstageCredentials };
      const { principal } =
        credentials as BackstageCredentials<BackstageUserPrincipal>;
      return answers[principal.userEntityRef];
    }),
  });
}

describe('EntityCatalog remembering answers', () => {
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');
  const ref = 'component:default/parking-api';

  it('asks the catalog once per person while the answer is fresh', async () => {
    const catalog = catalogWith({ 'user:default/alice': component });
    const entities = new EntityCatalog(catalog, mockServices.auth(), {
      rememberAnswers: true,
    });

    await entities.getEntity(ref, alice);
    await entities.getEntity(ref, alice);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);

    // What the catalog showed Alice is not shown to Bob.
    await expect(entities.findEntity(ref, bob)).resolves.toBeUndefined();
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('gives an answer older than five seconds while looking it up again in the background, never one older than ten', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 6) });
    try {
      const renamed: Entity = {
        ...component,
        metadata: { ...component.metadata, title: 'Parking API' },
      };
      const answers: Record<string, Entity | undefined> = {
        'user:default/alice': component,
      };
      const catalog = catalogWith(answers);
      const entities = new EntityCatalog(catalog, mockServices.auth(), {
        rememberAnswers: true,
      });
      await entities.getEntity(ref, alice);

      answers['user:default/alice'] = renamed;
      jest.advanceTimersByTime(6_000);
      await expect(entities.getEntity(ref, alice)).resolves.toEqual(component);
      await jest.advanceTimersByTimeAsync(0);
      expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
      await expect(entities.getEntity(ref, alice)).resolves.toEqual(renamed);

      answers['user:default/alice'] = component;
      jest.advanceTimersByTime(10_001);
      await expect(entities.getEntity(ref, alice)).resolves.toEqual(component);
      expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not keep "no such entity", so a new registration shows at once', async () => {
    const answers: Record<string, Entity | undefined> = {};
    const catalog = catalogWith(answers);
    const entities = new EntityCatalog(catalog, mockServices.auth(), {
      rememberAnswers: true,
    });

    await expect(entities.getEntity(ref, alice)).rejects.toThrow(
      `No entity ${ref} in the catalog`,
    );
    answers['user:default/alice'] = component;
    await expect(entities.getEntity(ref, alice)).resolves.toEqual(component);
  });
});
