import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DEFAULT_INCIDENT_ATTRIBUTION_WINDOW_MS,
  DoraDerivationSettings,
} from '../database/dora/DoraDerivationSettings';

const WINDOW_KEY = 'delivery.dora.incidentAttributionWindow';

/**
 * What the DORA tables are derived with: the production environments, and
 * `delivery.dora.incidentAttributionWindow` (default 24 hours).
 */
export function readDoraSettings(
  config: Config,
  environments: Environment[],
): DoraDerivationSettings {
  let windowMs = DEFAULT_INCIDENT_ATTRIBUTION_WINDOW_MS;
  if (config.has(WINDOW_KEY)) {
    try {
      windowMs = durationToMilliseconds(
        readDurationFromConfig(config, { key: WINDOW_KEY }),
      );
    } catch (error) {
      throw new InputError(`${WINDOW_KEY} is not a valid duration`, error);
    }
    if (!(windowMs >= 0)) {
      throw new InputError(`${WINDOW_KEY} must not be negative`);
    }
  }
  return {
    productionEnvironments: environments
      .filter(environment => environment.production)
      .map(environment => environment.name),
    incidentAttributionWindowMs: windowMs,
  };
}
