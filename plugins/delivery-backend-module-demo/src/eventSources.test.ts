import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DeploymentEvent } from '@domain-delivery/backstage-plugin-delivery-common';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- a test of the plugin this module extends
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import {
  DeliveryEventConnection,
  DeliveryEventSource,
  deliveryEventSourcesExtensionPoint,
} from '@domain-delivery/backstage-plugin-delivery-node';
import request from 'supertest';
import { component } from './__testUtils__/catalog';

// The seam the demo feeds through, as any other module's source would use it.
describe('delivery event sources', () => {
  const deployment: DeploymentEvent = {
    type: 'deployment',
    id: 'ci-1',
    entityRef: 'component:default/parking-api',
    environment: 'dev',
    version: '1.4.0',
    commitSha: 'a'.repeat(40),
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: '2026-11-19T10:00:00Z',
    finishedAt: '2026-11-19T10:05:00Z',
  };

  function sourceModule(moduleId: string, source: DeliveryEventSource) {
    return createBackendModule({
      pluginId: 'delivery',
      moduleId,
      register(env) {
        env.registerInit({
          deps: { eventSources: deliveryEventSourcesExtensionPoint },
          async init({ eventSources }) {
            eventSources.addEventSource(source);
          },
        });
      },
    });
  }

  function recordingSource(name: string) {
    const connected: DeliveryEventConnection[] = [];
    const source: DeliveryEventSource = {
      getSourceName: () => name,
      async connect(connection) {
        connected.push(connection);
      },
    };
    return { source, connected };
  }

  it('stores the events a source ingests as POST /events does, and names what it rejects', async () => {
    const { source, connected } = recordingSource('ci');
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        sourceModule('ci', source),
        catalogServiceMock.factory({ entities: [component('parking-api')] }),
        mockServices.rootConfig.factory({
          data: { delivery: { environments: [{ name: 'dev' }] } },
        }),
      ],
    });

    expect(connected).toHaveLength(1);
    const [connection] = connected;
    expect(connection.environments.map(e => e.name)).toEqual(['dev']);
    await expect(
      connection.ingest([
        deployment,
        { ...deployment, id: 'ci-2', environment: 'qa' },
      ]),
    ).resolves.toEqual({
      accepted: ['ci-1'],
      rejected: [
        {
          index: 1,
          id: 'ci-2',
          field: 'environment',
          reason: expect.stringContaining('qa'),
        },
      ],
    });
    // Idempotent on the id: the second report of ci-1 updates it.
    await connection.ingest([{ ...deployment, version: '1.4.1' }]);

    const response = await request(server)
      .get('/api/delivery/deployments')
      .set('Authorization', mockCredentials.user.header('user:default/jdoe'));
    expect(
      response.body.items.map((d: DeploymentEvent) => [d.id, d.version]),
    ).toEqual([['ci-1', '1.4.1']]);
  });

  it('refuses two sources of the same name', async () => {
    await expect(
      startTestBackend({
        features: [
          deliveryPlugin,
          sourceModule('one', recordingSource('ci').source),
          sourceModule('two', recordingSource('ci').source),
          catalogServiceMock.factory({ entities: [] }),
        ],
      }),
    ).rejects.toThrow(/event source named 'ci' is already installed/);
  });
});
