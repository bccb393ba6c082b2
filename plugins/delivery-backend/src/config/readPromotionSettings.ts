import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { readLocalGitOpsPath } from '@domain-delivery/backstage-plugin-delivery-node';

/** How promotions are executed and told about, from `delivery.*`. */
export interface PromotionSettings {
  /** How long one execution may take before it is aborted and failed. */
  executionTimeoutMs: number;
  /** How often the execution task looks for approved promotions. */
  executionFrequencyMs: number;
  /** The local GitOps repository of the `gitops-local` executor, if configured. */
  gitopsLocalPath?: string;
  /** `delivery.notifications.enabled`, if set. */
  notificationsEnabled?: boolean;
}

function readMillis(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) {
    return fallbackMs;
  }
  let millis: number;
  try {
    millis = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${key} is not a valid duration`, error);
  }
  if (!(millis > 0)) {
    throw new InputError(`${key} must be longer than zero`);
  }
  return millis;
}

/** Reads the promotion engine's settings, with safe defaults. */
export function readPromotionSettings(config: Config): PromotionSettings {
  const notificationsEnabled = config.getOptionalBoolean(
    'delivery.notifications.enabled',
  );
  const gitopsLocalPath = readLocalGitOpsPath(config);
  return {
    executionTimeoutMs: readMillis(
      config,
      'delivery.promotions.executionTimeout',
      15 * 60_000,
    ),
    executionFrequencyMs: readMillis(
      config,
      'delivery.promotions.executionFrequency',
      5_000,
    ),
    ...(gitopsLocalPath && { gitopsLocalPath }),
    ...(notificationsEnabled !== undefined && { notificationsEnabled }),
  };
}
