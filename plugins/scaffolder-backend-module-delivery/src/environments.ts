import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { readDeliveryEnvironments } from '@domain-delivery/backstage-plugin-delivery-node';

/**
 * What the golden path needs of the configured environments, read and
 * validated as the delivery backend reads them: their names and whether they
 * are production (stricter values, manual sync), in promotion order.
 */
export function configuredEnvironments(
  config: Config,
): Pick<Environment, 'name' | 'production'>[] {
  return readDeliveryEnvironments(config).map(({ name, production }) => ({
    name,
    production,
  }));
}

/**
 * The requested environments in promotion order, or all of them; a name that
 * is not configured is the template author's mistake.
 */
export function selectEnvironments<E extends { name: string }>(
  configured: E[],
  requested?: string[],
): E[] {
  if (!requested?.length) {
    return configured;
  }
  const unknown = requested.filter(
    name => !configured.some(environment => environment.name === name),
  );
  if (unknown.length) {
    throw new InputError(
      `Unknown environment(s) ${unknown.join(', ')}; configured are ${configured
        .map(environment => environment.name)
        .join(', ')}`,
    );
  }
  return configured.filter(environment => requested.includes(environment.name));
}
