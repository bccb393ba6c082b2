import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  DELIVERY_SIGNAL_CHANNEL,
  DeliverySignal,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { act, screen } from '@testing-library/react';
import { deliveryApiRef } from '../../../api';
import {
  PAYMENTS,
  paymentsDeliveryApi,
} from '../../../__testUtils__/paymentsFixture';
import { aRequestedPromotion } from '../../../__testUtils__/promotionFixtures';
import { EntityDeploymentsContent } from './EntityDeploymentsContent';

const delivered: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'domain-delivery.io/service': 'payments-api' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

/** A signals API whose messages on the delivery channel the test sends. */
function deliverySignals() {
  const listeners: Array<(message: DeliverySignal) => void> = [];
  const api: SignalApi = {
    subscribe: (channel, onMessage) => {
      if (channel === DELIVERY_SIGNAL_CHANNEL) {
        listeners.push(
          onMessage as unknown as (message: DeliverySignal) => void,
        );
      }
      return { unsubscribe: () => {} };
    },
  };
  const send = (message: DeliverySignal) =>
    act(() => listeners.forEach(listener => listener(message)));
  return { api, send };
}

describe('EntityDeploymentsContent with signals', () => {
  it('shows a promotion approved in another browser as soon as the backend signals it', async () => {
    const pending = aRequestedPromotion(
      {
        entityRef: PAYMENTS,
        environment: 'prod',
        version: '1.4.3',
        reason: 'Faster refunds',
      },
      '1.4.1',
    );
    const api = paymentsDeliveryApi();
    api.listPromotions.mockResolvedValue([pending]);
    const signals = deliverySignals();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [deliveryApiRef, api],
          [permissionApiRef, mockApis.permission()],
          [signalApiRef, signals.api],
        ]}
      >
        <EntityProvider entity={delivered}>
          <EntityDeploymentsContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText(
        'Waiting for approval: 1.4.3 needs 1 more approval from group:default/platform-admins',
      ),
    ).toBeInTheDocument();

    // Approved elsewhere: a message about another component changes nothing
    // here, the one about payments-api shows the approval.
    api.listPromotions.mockResolvedValue([{ ...pending, state: 'approved' }]);
    const reads = api.listPromotions.mock.calls.length;
    await signals.send({
      type: 'deployment',
      entityRef: 'component:default/timetable-service',
      environment: 'prod',
    });
    expect(api.listPromotions).toHaveBeenCalledTimes(reads);
    await signals.send({
      type: 'promotion',
      promotionId: pending.id,
      entityRef: PAYMENTS,
      environment: 'prod',
    });

    expect(
      await screen.findByText('Approved: 1.4.3 goes to Production shortly'),
    ).toBeInTheDocument();
  });
});
