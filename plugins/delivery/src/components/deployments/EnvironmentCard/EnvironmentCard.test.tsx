import { EnvironmentStatus } from '@domain-delivery/backstage-plugin-delivery-common';
import { screen } from '@testing-library/react';
import { aDeployment, hoursAgo } from '../../../__testUtils__/builders';
import { renderView } from '../../../__testUtils__/renderView';
import { describePolicy, EnvironmentCard } from './EnvironmentCard';

const staging: EnvironmentStatus = {
  environment: { name: 'staging', title: 'Staging', production: false },
  current: {
    version: '2.3.0',
    since: hoursAgo(0.25),
    deployment: aDeployment({
      environment: 'staging',
      version: '2.3.0',
      commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      trigger: 'promotion',
      finishedAt: hoursAgo(0.25),
      actor: 'user:default/jonas-weber',
      url: 'https://github.com/demo/payments-api/pull/12',
    }),
  },
  next: {
    environment: 'prod',
    version: '2.2.0',
    missing: {
      versions: [
        { version: '2.3.0', deploymentId: 'x', finishedAt: hoursAgo(0.25) },
      ],
      commits: [{ sha: 'abcdef1234', committedAt: hoursAgo(3) }],
    },
  },
};

describe('EnvironmentCard', () => {
  it('shows what runs, who deployed it, how long it soaked and what prod is missing', async () => {
    await renderView(
      <EnvironmentCard
        status={staging}
        policy={{
          promotedFrom: 'dev',
          requiredApprovals: 0,
          approvers: [],
          allowSelfApproval: false,
          minimumSoakSeconds: 0,
        }}
        nextEnvironment={{ title: 'Production', minimumSoakSeconds: 3600 }}
      />,
      { api: {} },
    );

    expect(
      screen.getByRole('heading', { name: 'Staging' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Promoted from dev')).toBeInTheDocument();
    expect(screen.getByText('2.3.0', { selector: 'p' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'jonas-weber' }),
    ).toBeInTheDocument();
    expect(screen.getByText('9fceb02')).toHaveAttribute(
      'title',
      '9fceb02d0ae598e95dc970b74767f19372d61af8',
    );
    expect(screen.getByText(/^15 min, since/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /^4\d min more before it may go to Production \(minimum 1 h\)$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /View the run that deployed 2.3.0 to staging/,
      }),
    ).toHaveAttribute('href', 'https://github.com/demo/payments-api/pull/12');
    expect(
      screen.getByText('Production is 1 version behind: 2.3.0'),
    ).toBeInTheDocument();
  });

  it('says when nothing was deployed yet and marks production', async () => {
    await renderView(
      <EnvironmentCard
        status={{
          environment: { name: 'prod', title: 'Production', production: true },
        }}
        policy={{
          promotedFrom: 'staging',
          requiredApprovals: 2,
          approvers: [],
          allowSelfApproval: false,
          minimumSoakSeconds: 0,
        }}
      />,
      { api: {} },
    );

    expect(
      screen.getByText('No deployment reported to prod yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Promoted from staging, 2 approvals required'),
    ).toBeInTheDocument();
    expect(screen.getByText('production')).toBeInTheDocument();
  });

  it("shows the Argo CD application's sync and health, and why it is unhealthy", async () => {
    await renderView(
      <EnvironmentCard
        status={{
          ...staging,
          application: {
            source: 'argocd',
            name: 'payments-api-staging',
            syncStatus: 'OutOfSync',
            healthStatus: 'Degraded',
            healthMessage:
              'Deployment "payments-api" exceeded its progress deadline',
            revision: '4f2a9c1e8b7d6a5c4b3a29180f7e6d5c4b3a2918',
            url: 'https://argocd.example.com/applications/payments-api-staging',
            observedAt: hoursAgo(0.02),
          },
        }}
      />,
      { api: {} },
    );

    expect(screen.getByText('Argo CD')).toBeInTheDocument();
    expect(screen.getByText('OutOfSync')).toBeInTheDocument();
    expect(screen.getByText('Degraded')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Deployment "payments-api" exceeded its progress deadline',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /^Open payments-api-staging in Argo CD/,
      }),
    ).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/payments-api-staging',
    );
  });

  it('shows sync and health even before a deployment was recorded', async () => {
    await renderView(
      <EnvironmentCard
        status={{
          environment: { name: 'dev', title: 'Development', production: false },
          application: {
            source: 'argocd',
            name: 'payments-api-dev',
            syncStatus: 'Synced',
            healthStatus: 'Healthy',
            observedAt: hoursAgo(0.02),
          },
        }}
      />,
      { api: {} },
    );

    expect(
      screen.getByText('No deployment reported to dev yet.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Synced')).toBeInTheDocument();
    expect(screen.getByText('Healthy')).toBeInTheDocument();
    expect(screen.getByText('payments-api-dev')).toBeInTheDocument();
  });
});

describe('describePolicy', () => {
  it('describes pipeline-only environments', () => {
    expect(describePolicy(undefined)).toBe('Deployed directly by the pipeline');
  });

  it('says when only versions verified in the previous environment come in', () => {
    expect(
      describePolicy({
        promotedFrom: 'staging',
        requiredApprovals: 1,
        approvers: ['owner'],
        allowSelfApproval: false,
        minimumSoakSeconds: 0,
        requireVerifiedSource: true,
      }),
    ).toBe(
      'Promoted from staging, once verified in staging, 1 approval required',
    );
  });
});
