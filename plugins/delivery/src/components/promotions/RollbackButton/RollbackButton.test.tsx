import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aDeployment,
  aPage,
  hoursAgo,
  productionSummary,
} from '../../../__testUtils__/builders';
import {
  DeliveryApiStub,
  stubDeliveryApi,
} from '../../../__testUtils__/deliveryApiStub';
import {
  aPreview,
  aRequestedPromotion,
} from '../../../__testUtils__/promotionFixtures';
import {
  permissionsDecided,
  permissionsDenying,
} from '../../../__testUtils__/permissions';
import { renderView } from '../../../__testUtils__/renderView';
import { RollbackButton } from './RollbackButton';

// Dialogs that are typed into take seconds in jsdom on a busy machine.
jest.setTimeout(20_000);

const ENTITY = 'component:default/payments-api';

// 1.4.1 was rolled back from once before, so rolling back to it again warns.
const rolledBackBefore = {
  code: 'rolled_back_version',
  message: `1.4.1 was rolled back in prod on ${hoursAgo(
    70,
  )} by user:default/jdoe (promotion promotion-earlier)`,
};

/** In prod, newest first: 1.4.2 (running), a failed 1.4.5, 1.4.1, 1.4.0. */
function fakeApi() {
  const prod = (version: string, hours: number, failed = false) =>
    aDeployment({
      environment: 'prod',
      version,
      finishedAt: hoursAgo(hours),
      ...(failed && { status: 'failed' as const }),
    });
  return stubDeliveryApi({
    getDeployments: async () =>
      aPage([
        prod('1.4.2', 30),
        prod('1.4.5', 40, true),
        prod('1.4.1', 60),
        prod('1.4.0', 90),
      ]),
    previewPromotion: async request =>
      aPreview(request, '1.4.2', {
        warnings: request.version === '1.4.1' ? [rolledBackBefore] : [],
      }),
    requestPromotion: async request =>
      aRequestedPromotion(request, '1.4.2', {
        warnings: request.version === '1.4.1' ? [rolledBackBefore] : [],
      }),
  });
}

async function renderButton(
  api: DeliveryApiStub,
  permissionApi?: ReturnType<typeof permissionsDenying>,
  entityRef = ENTITY,
) {
  const onRequested = jest.fn();
  await renderView(
    <RollbackButton
      entityRef={entityRef}
      environment={productionSummary}
      currentVersion="1.4.2"
      onRequested={onRequested}
    />,
    { api, permissionApi },
  );
  return { onRequested };
}

describe('RollbackButton', () => {
  it('is not offered to whoever may not roll the entity back', async () => {
    // An entity of its own: usePermission caches decisions for the whole file.
    const denied = 'component:default/billing-api';
    const permissionApi = permissionsDenying('delivery.rollback.create');
    const authorize = jest.spyOn(permissionApi, 'authorize');

    await renderButton(fakeApi(), permissionApi, denied);

    await permissionsDecided(authorize, 'delivery.rollback.create');
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ resourceRef: denied }),
    );

    expect(
      screen.queryByRole('button', { name: 'Roll back Production' }),
    ).not.toBeInTheDocument();
  });

  it('rolls back to the version that ran before, after confirmation', async () => {
    const api = fakeApi();
    const request = api.requestPromotion;
    const { onRequested } = await renderButton(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back Production' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Roll back Production from 1.4.2 to 1.4.1',
    });
    // Earlier versions that succeeded there, newest first; not the failed one.
    const version = screen.getByRole('combobox', {
      name: 'Version to roll back to',
    });
    expect(
      [...(version as HTMLSelectElement).options].map(o => o.value),
    ).toEqual(['1.4.1', '1.4.0']);
    expect(await screen.findByText('1.4.2 → 1.4.1')).toBeInTheDocument();
    // 1.4.1 was rolled back from before: whoever confirms is warned.
    expect(
      screen.getByText(
        /^1\.4\.1 was rolled back in prod on .+ by user:default\/jdoe/,
      ),
    ).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'Checkout errors since 1.4.2',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Roll back' }));

    expect(request).toHaveBeenCalledWith({
      entityRef: ENTITY,
      environment: 'prod',
      version: '1.4.1',
      trigger: 'rollback',
      reason: 'Checkout errors since 1.4.2',
    });
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(onRequested).toHaveBeenCalledWith(
      expect.objectContaining({
        trigger: 'rollback',
        fromVersion: '1.4.2',
        warnings: [expect.objectContaining({ code: 'rolled_back_version' })],
      }),
    );
  });

  it('rolls back to an older version when chosen, and can be cancelled', async () => {
    const api = fakeApi();
    const request = api.requestPromotion;
    await renderButton(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back Production' }),
    );
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Version to roll back to' }),
      '1.4.0',
    );

    expect(
      await screen.findByRole('dialog', {
        name: 'Roll back Production from 1.4.2 to 1.4.0',
      }),
    ).toBeInTheDocument();
    expect(await screen.findByText('1.4.2 → 1.4.0')).toBeInTheDocument();
    expect(
      screen.queryByText(/was rolled back in prod/),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(request).not.toHaveBeenCalled();
  });
});
