import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readDeliveryEnvironments } from '@domain-delivery/backstage-plugin-delivery-node';
import { DataVersion } from '../../database/DataVersion';
import { DeliveryStore } from '../../database/DeliveryStore';
import { RememberedAnswers } from '../answers/RememberedAnswers';
import { DomainComponent, EntityCatalog } from '../catalog/EntityCatalog';
import { DomainMatrixService } from './DomainMatrixService';

const component = (name: string, title: string): DomainComponent => ({
  entityRef: `component:default/${name}`,
  systemRef: 'system:default/parking',
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, title },
    spec: {},
  },
});

describe('DomainMatrixService with answers kept', () => {
  it('shows what the catalog says of a component now, while the data has not changed', async () => {
    let components = [component('parking-api', 'Parking API')];
    const getLatestDeployments = jest.fn(async () => []);
    const matrix = new DomainMatrixService({
      store: { getLatestDeployments } as unknown as DeliveryStore,
      environments: readDeliveryEnvironments(
        new ConfigReader({ delivery: { environments: [{ name: 'dev' }] } }),
      ),
      catalog: {
        getDomainComponents: async () => components,
      } as unknown as EntityCatalog,
      // One data version throughout: nothing is written.
      answers: new RememberedAnswers({
        current: async () => '1',
      } as unknown as DataVersion),
    });
    const read = () =>
      matrix.getMatrix(
        'domain:default/smart-city',
        mockCredentials.user(),
        async refs => new Set(refs),
      );

    expect((await read()).rows[0].title).toBe('Parking API');
    expect((await read()).rows[0].title).toBe('Parking API');
    // Kept: the deployments were read once (running, and latest).
    expect(getLatestDeployments).toHaveBeenCalledTimes(2);

    components = [component('parking-api', 'Parking')];
    expect((await read()).rows[0].title).toBe('Parking');
    components = [];
    expect((await read()).rows).toEqual([]);
  });
});
