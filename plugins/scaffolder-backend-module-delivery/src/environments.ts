import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { defaultDeliveryEnvironments } from '@internal/backstage-plugin-delivery-node';

/**
 * A delivery environment as the golden path sees it: its name and whether it
 * is production (production gets stricter values and manual sync).
 *
 * @public
 */
export interface DeliveryEnvironment {
  name: string;
  production: boolean;
}

// The delivery backend's defaults when `delivery.environments` is not configured.
const DEFAULT_ENVIRONMENTS: DeliveryEnvironment[] =
  defaultDeliveryEnvironments().map(({ name, production }) => ({
    name,
    production,
  }));

/** The configured delivery environments in promotion order. */
export function readDeliveryEnvironments(
  config?: Config,
): DeliveryEnvironment[] {
  const configured = config?.getOptionalConfigArray('delivery.environments');
  if (!configured?.length) {
    return DEFAULT_ENVIRONMENTS;
  }
  return configured.map(environment => ({
    name: environment.getString('name'),
    production: environment.getOptionalBoolean('production') ?? false,
  }));
}

/**
 * The requested environments in promotion order, or all of them; a name that
 * is not configured is the template author's mistake.
 */
export function selectEnvironments(
  configured: DeliveryEnvironment[],
  requested?: string[],
): DeliveryEnvironment[] {
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
