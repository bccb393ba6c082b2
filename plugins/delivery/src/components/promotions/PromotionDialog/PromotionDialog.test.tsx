import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PromotionPreview } from '@domain-delivery/backstage-plugin-delivery-common';
import { hoursAgo, productionSummary } from '../../../__testUtils__/builders';
import { renderView } from '../../../__testUtils__/renderView';
import { PromotionDialog, promoteLabel } from './PromotionDialog';

// Dialogs that are typed into take seconds in jsdom on a busy machine.
jest.setTimeout(20_000);

const preview = (
  overrides: Partial<PromotionPreview> = {},
): PromotionPreview => ({
  entityRef: 'component:default/payments-api',
  environment: 'prod',
  version: '1.4.3',
  trigger: 'promotion',
  currentVersion: '1.4.1',
  sourceEnvironment: 'staging',
  commits: [
    { sha: 'c3c3c3c3c3', committedAt: hoursAgo(3) },
    { sha: 'c2c2c2c2c2', committedAt: hoursAgo(21) },
  ],
  change: {
    executor: 'gitops-local',
    description:
      'Commits image.tag 1.4.3 to apps/payments-api/values-prod.yaml in the local GitOps repository',
    files: [
      {
        path: 'apps/payments-api/values-prod.yaml',
        before: 'image:\n  tag: 1.4.1\n',
        after: 'image:\n  tag: 1.4.3\n',
        diff: '--- a/apps/payments-api/values-prod.yaml\n+++ b/apps/payments-api/values-prod.yaml\n@@ -1,2 +1,2 @@\n image:\n-  tag: 1.4.1\n+  tag: 1.4.3\n',
      },
    ],
  },
  approvals: {
    required: 1,
    approvers: ['group:default/platform-admins'],
    allowSelfApproval: false,
  },
  changeFailureRate: 0.125,
  violations: [],
  warnings: [],
  ...overrides,
});

async function renderDialog(answer: PromotionPreview) {
  const previewPromotion = jest.fn().mockResolvedValue(answer);
  await renderView(
    <PromotionDialog
      title="Promote 1.4.3 to Production"
      request={{
        entityRef: 'component:default/payments-api',
        environment: 'prod',
        version: '1.4.3',
      }}
      environment={productionSummary}
      versions={[
        { version: '1.4.4', deploymentId: 'd4', finishedAt: hoursAgo(1) },
        { version: '1.4.3', deploymentId: 'd3', finishedAt: hoursAgo(2) },
        { version: '1.4.2', deploymentId: 'd2', finishedAt: hoursAgo(20) },
      ]}
      confirmLabel={promoteLabel}
      onClose={jest.fn()}
      onRequested={jest.fn()}
    />,
    { api: { previewPromotion } },
  );
  return { previewPromotion, dialog: await screen.findByRole('dialog') };
}

describe('PromotionDialog', () => {
  it('shows everything the promotion will do before anyone confirms', async () => {
    const { previewPromotion } = await renderDialog(preview());

    expect(previewPromotion).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      environment: 'prod',
      version: '1.4.3',
    });
    expect(await screen.findByText('1.4.1 → 1.4.3')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Production runs 1.4.1 now; it will run 1.4.3, promoted from staging.',
      ),
    ).toBeInTheDocument();

    // The changelog: the versions up to 1.4.3 (not the newer 1.4.4) and their commits.
    const versions = screen.getByRole('list', {
      name: 'Versions between 1.4.1 and 1.4.3',
    });
    expect(within(versions).getAllByRole('listitem')).toHaveLength(2);
    expect(versions).toHaveTextContent('1.4.3, in staging');
    expect(versions).toHaveTextContent('1.4.2, in staging');
    expect(versions).not.toHaveTextContent('1.4.4');
    const commits = screen.getByRole('list', {
      name: 'Commits between 1.4.1 and 1.4.3',
    });
    expect(commits).toHaveTextContent('c3c3c3c');
    expect(commits).toHaveTextContent('c2c2c2c');

    const diff = screen.getByLabelText(
      'Changes to apps/payments-api/values-prod.yaml',
    );
    expect(diff).toHaveTextContent('- tag: 1.4.1');
    expect(diff).toHaveTextContent('+ tag: 1.4.3');

    expect(
      screen.getByText(
        '12.5% of the deployments to Production in the last 30 days failed (DORA tier: medium).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Needs 1 approval from group:default/platform-admins. Your own approval does not count.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Request promotion' }),
    ).toBeInTheDocument();
  });

  it('offers to promote straight away when no approval is needed, once a reason is given', async () => {
    await renderDialog(
      preview({
        approvals: { required: 0, approvers: [], allowSelfApproval: false },
      }),
    );

    expect(
      await screen.findByText(
        'No approval needed: it is carried out as soon as you confirm.',
      ),
    ).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Promote' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'Release',
    );
    expect(confirm).toBeEnabled();
  });

  it('says why it would be refused and warns about a version that was rolled back', async () => {
    await renderDialog(
      preview({
        changeFailureRate: null,
        violations: [
          {
            rule: 'open_promotion',
            message:
              'promotion 7 of component:default/payments-api into prod (1.4.2) is still pending_approval',
          },
        ],
        warnings: [
          {
            code: 'rolled_back_version',
            message:
              '1.4.3 was rolled back in prod on 2026-03-02 by user:default/jdoe',
          },
        ],
      }),
    );

    expect(
      await screen.findByText(/1\.4\.2\) is still pending_approval/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '1.4.3 was rolled back in prod on 2026-03-02 by user:default/jdoe',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No deployment to Production in the last 30 days to rate.',
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'Release',
    );
    expect(
      screen.getByRole('button', { name: 'Request promotion' }),
    ).toBeDisabled();
  });

  it('says that the version has not passed its verification where it comes from', async () => {
    await renderDialog(
      preview({
        changeFailureRate: null,
        violations: [
          {
            rule: 'verified_in_source',
            message:
              '1.4.3 failed its verification there (http check: https://payments-api.staging.example.com/version answered 503); prod takes only versions whose verification passed in staging',
          },
        ],
      }),
    );

    expect(
      await screen.findByText(
        /^1\.4\.3 failed its verification there \(http check: .* answered 503\); prod takes only versions whose verification passed in staging$/,
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'Release',
    );
    expect(
      screen.getByRole('button', { name: 'Request promotion' }),
    ).toBeDisabled();
  });

  it("shows the backend's message when the preview fails", async () => {
    await renderView(
      <PromotionDialog
        title="Promote 1.4.3 to Production"
        request={{
          entityRef: 'component:default/payments-api',
          environment: 'prod',
          version: '1.4.3',
        }}
        environment={productionSummary}
        confirmLabel={promoteLabel}
        onClose={jest.fn()}
        onRequested={jest.fn()}
      />,
      {
        api: {
          previewPromotion: jest
            .fn()
            .mockRejectedValue(new Error('You may not read the deployments')),
        },
      },
    );

    expect(
      await screen.findByText(
        'Could not preview it: You may not read the deployments',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Promote' })).toBeDisabled();
  });
});
