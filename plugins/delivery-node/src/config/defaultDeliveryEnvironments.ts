import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';

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
  };
}

/**
 * The environments when `delivery.environments` is not configured: dev,
 * staging and prod, promoted in that order, production after one approval by
 * the owner. None has an executor, so deployments reported for them are
 * shown, but promotions into them are refused until the environments are
 * configured with executors.
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
