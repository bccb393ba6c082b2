import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * The type of the executor that commits to the local GitOps repository; the
 * executor of an environment that names none, as it needs nothing but a
 * local git repository.
 *
 * @public
 */
export const GITOPS_LOCAL_EXECUTOR_TYPE = 'gitops-local';

function environment(
  name: string,
  title: string,
  options: { promotedFrom?: string; production?: boolean } = {},
): Environment {
  const production = options.production ?? false;
  return {
    name,
    title,
    production,
    promotion: {
      ...(options.promotedFrom && { promotedFrom: options.promotedFrom }),
      // Production waits for one approval, by the owner.
      requiredApprovals: production ? 1 : 0,
      approvers: ['owner'],
      allowSelfApproval: false,
      minimumSoakSeconds: 0,
    },
    freezeWindows: [],
    executor: { type: GITOPS_LOCAL_EXECUTOR_TYPE },
  };
}

/**
 * The environments when `delivery.environments` is not configured: dev,
 * staging and prod, promoted in that order through the local GitOps
 * repository, production after one approval by the owner.
 *
 * @public
 */
export function defaultDeliveryEnvironments(): Environment[] {
  return [
    environment('dev', 'Development'),
    environment('staging', 'Staging', { promotedFrom: 'dev' }),
    environment('prod', 'Production', {
      promotedFrom: 'staging',
      production: true,
    }),
  ];
}
