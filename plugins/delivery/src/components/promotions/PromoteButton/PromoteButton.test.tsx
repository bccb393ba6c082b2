import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConflictError } from '@backstage/errors';
import { PromotionPreview } from '@domain-delivery/backstage-plugin-delivery-common';
import { hoursAgo, productionSummary } from '../../../__testUtils__/builders';
import {
  DeliveryApiStub,
  stubDeliveryApi,
} from '../../../__testUtils__/deliveryApiStub';
import { paymentsEnvironments } from '../../../__testUtils__/paymentsFixture';
import {
  aPreview,
  aRequestedPromotion,
} from '../../../__testUtils__/promotionFixtures';
import {
  permissionsDecided,
  permissionsDenying,
} from '../../../__testUtils__/permissions';
import { renderView } from '../../../__testUtils__/renderView';
import { PromoteButton } from './PromoteButton';

// Dialogs that are typed into take seconds in jsdom on a busy machine.
jest.setTimeout(20_000);

const ENTITY = 'component:default/payments-api';
// usePermission caches decisions per permission and entity for the whole
// file, so the denial is tried on an entity of its own.
const DENIED_ENTITY = 'component:default/billing-api';

/** 1.4.1 runs in prod; 1.4.3 waits in staging; the backend previews `preview`. */
function fakeApi(preview: Partial<PromotionPreview> = {}) {
  return stubDeliveryApi({
    getEntityEnvironments: async () => paymentsEnvironments(),
    previewPromotion: async request => aPreview(request, '1.4.1', preview),
    requestPromotion: async request => aRequestedPromotion(request, '1.4.1'),
  });
}

const candidate = {
  version: '1.4.3',
  sourceEnvironment: 'staging',
  versions: [],
};

async function renderButton(
  api: DeliveryApiStub,
  options: {
    permissionApi?: ReturnType<typeof permissionsDenying>;
    entityRef?: string;
  } = {},
) {
  const onRequested = jest.fn();
  await renderView(
    <PromoteButton
      entityRef={options.entityRef ?? ENTITY}
      environment={productionSummary}
      candidate={candidate}
      revision={0}
      onRequested={onRequested}
    />,
    { api, permissionApi: options.permissionApi },
  );
  return { onRequested };
}

describe('PromoteButton', () => {
  it('is not offered to whoever may not request a promotion of the entity', async () => {
    const api = fakeApi();
    const preview = api.previewPromotion;
    const permissionApi = permissionsDenying('delivery.promotion.create');
    const authorize = jest.spyOn(permissionApi, 'authorize');

    await renderButton(api, { permissionApi, entityRef: DENIED_ENTITY });

    await permissionsDecided(authorize, 'delivery.promotion.create');
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ resourceRef: DENIED_ENTITY }),
    );

    expect(
      screen.queryByRole('button', { name: 'Promote to Production' }),
    ).not.toBeInTheDocument();
    expect(preview).not.toHaveBeenCalled();
  });

  it('is disabled during a freeze window, saying until when and why', async () => {
    const until = new Date(Date.now() + 2 * 3600_000).toISOString();
    await renderButton(
      fakeApi({
        violations: [
          {
            rule: 'freeze_window',
            message: `prod is frozen until ${until} (Quarter close)`,
          },
        ],
        freeze: { until, reason: 'Quarter close' },
      }),
    );

    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Promote to Production' }),
      ).toBeDisabled(),
    );
    expect(
      screen.getByText(/^Production is frozen until .+ \(Quarter close\)\.$/),
    ).toBeInTheDocument();
  });

  it('is disabled while promotions are halted, saying who halted them and why', async () => {
    await renderButton(
      fakeApi({
        violations: [
          {
            rule: 'halt',
            message:
              'all promotions are halted since 2026-12-06T09:00:00.000Z by user:default/platform-admin: Incident INC-42',
          },
        ],
      }),
    );

    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Promote to Production' }),
      ).toBeDisabled(),
    );
    expect(
      screen.getByText(
        'All promotions are halted since 2026-12-06T09:00:00.000Z by user:default/platform-admin: Incident INC-42.',
      ),
    ).toBeInTheDocument();
  });

  it('is disabled before the soak time is over, saying when it will be', async () => {
    // 1.4.3 reached staging 15 minutes ago.
    await renderButton(
      fakeApi({
        violations: [
          {
            rule: 'soak_time',
            message: '1.4.3 has run in staging for 900 s; prod requires 3600 s',
          },
        ],
        soak: {
          requiredSeconds: 3600,
          soakedSeconds: 900,
          readyAt: hoursAgo(-0.75),
        },
      }),
    );

    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Promote to Production' }),
      ).toBeDisabled(),
    );
    expect(
      screen.getByText(
        /^1\.4\.3 is still soaking in staging: ready for Production at .+ \(minimum 1 h\)\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('requests the promotion with the reason given and reports it', async () => {
    const api = fakeApi();
    const request = api.requestPromotion;
    const { onRequested } = await renderButton(api);

    const button = await screen.findByRole('button', {
      name: 'Promote to Production',
    });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);

    const dialog = await screen.findByRole('dialog', {
      name: 'Promote 1.4.3 to Production',
    });
    const confirm = await screen.findByRole('button', {
      name: 'Request promotion',
    });
    expect(confirm).toBeDisabled(); // until a reason is given
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'New parking zones',
    );
    await userEvent.click(confirm);

    expect(request).toHaveBeenCalledWith({
      entityRef: ENTITY,
      environment: 'prod',
      version: '1.4.3',
      reason: 'New parking zones',
    });
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(onRequested).toHaveBeenCalledWith(
      expect.objectContaining({ state: 'pending_approval', version: '1.4.3' }),
    );
  });

  it("shows the backend's message when the request is refused", async () => {
    const api = fakeApi();
    api.requestPromotion.mockRejectedValue(
      new ConflictError('Refused by the freeze window rule: prod is frozen'),
    );
    const { onRequested } = await renderButton(api);

    const button = await screen.findByRole('button', {
      name: 'Promote to Production',
    });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Reason' }),
      'Hotfix for the parking counts',
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request promotion' }),
    );

    expect(
      await screen.findByText(
        'Refused by the freeze window rule: prod is frozen',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(onRequested).not.toHaveBeenCalled();
  });
});
