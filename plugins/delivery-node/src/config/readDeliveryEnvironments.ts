import { parseEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  Environment,
  ExecutorConfig,
  PromotionPolicy,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { defaultDeliveryEnvironments } from './defaultDeliveryEnvironments';
import { durationToMilliseconds, JsonObject } from '@backstage/types';
import { readFreezeWindows } from './readFreezeWindows';
import { readVerification } from './readVerification';

const ENVIRONMENTS_KEY = 'delivery.environments';

// Environment names end up in URLs, file names and Argo CD application names.
const ENVIRONMENT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function isUserOrGroupRef(value: string): boolean {
  try {
    const kind = parseEntityRef(value).kind.toLocaleLowerCase('en-US');
    return kind === 'user' || kind === 'group';
  } catch {
    return false;
  }
}

function readApprover(value: string, key: string): string {
  const approver = value.trim();
  if (approver === 'owner') {
    return approver;
  }
  if (!isUserOrGroupRef(approver)) {
    throw new InputError(
      `${key} '${value}' must be 'owner' or a user or group entity ref, such as 'group:default/platform-team'`,
    );
  }
  return normalizeEntityRef(approver);
}

function readSoakSeconds(config: Config | undefined, key: string): number {
  if (!config?.has('minimumSoakTime')) {
    return 0;
  }
  try {
    const duration = readDurationFromConfig(config, { key: 'minimumSoakTime' });
    return Math.round(durationToMilliseconds(duration) / 1000);
  } catch (error) {
    throw new InputError(
      `${key}.minimumSoakTime is not a valid duration`,
      error,
    );
  }
}

function readPromotionPolicy(
  config: Config | undefined,
  key: string,
  context: { production: boolean; names: string[]; index: number },
): PromotionPolicy {
  const { production, names, index } = context;

  const from = config?.getOptionalString('from');
  if (from !== undefined) {
    const fromIndex = names.indexOf(from);
    if (fromIndex < 0) {
      throw new InputError(
        `${key}.from refers to unknown environment '${from}'`,
      );
    }
    if (fromIndex >= index) {
      throw new InputError(
        `${key}.from refers to '${from}', which is not listed before '${names[index]}'; ${ENVIRONMENTS_KEY} must be in promotion order`,
      );
    }
  }

  const requiredApprovals =
    config?.getOptionalNumber('requiredApprovals') ?? (production ? 1 : 0);
  if (!Number.isInteger(requiredApprovals) || requiredApprovals < 0) {
    throw new InputError(
      `${key}.requiredApprovals must be a whole number of at least 0, got ${requiredApprovals}`,
    );
  }

  const approvers = (
    config?.getOptionalStringArray('approvers') ?? ['owner']
  ).map((approver, approverIndex) =>
    readApprover(approver, `${key}.approvers[${approverIndex}]`),
  );
  if (requiredApprovals > 0 && approvers.length === 0) {
    throw new InputError(
      `${key}.approvers is empty, so no one could give the ${requiredApprovals} required approval(s)`,
    );
  }

  const promotedFrom = from ?? names[index - 1];
  return {
    ...(promotedFrom && { promotedFrom }),
    requiredApprovals,
    approvers: Array.from(new Set(approvers)),
    allowSelfApproval: config?.getOptionalBoolean('allowSelfApproval') ?? false,
    minimumSoakSeconds: readSoakSeconds(config, key),
    ...(config?.getOptionalBoolean('requireVerifiedSource') && {
      requireVerifiedSource: true,
    }),
  };
}

// No executor when none is configured: promotions into the environment are
// then refused, rather than written somewhere nobody chose.
function readExecutor(config: Config): ExecutorConfig | undefined {
  const executorConfig = config.getOptionalConfig('executor');
  if (!executorConfig) {
    return undefined;
  }
  return {
    ...executorConfig.get<JsonObject>(),
    type: executorConfig.getString('type'),
  };
}

function readEnvironmentName(config: Config, key: string): string {
  const name = config.getString('name');
  if (!ENVIRONMENT_NAME.test(name)) {
    throw new InputError(
      `${key}.name '${name}' must be at most 63 lower-case letters, digits and dashes, such as 'prod'`,
    );
  }
  return name;
}

function readEnvironment(
  config: Config,
  key: string,
  names: string[],
  index: number,
): Environment {
  const production = config.getOptionalBoolean('production') ?? false;
  const executor = readExecutor(config);
  const verification = readVerification(config, key);
  return {
    name: names[index],
    title: config.getOptionalString('title') ?? names[index],
    production,
    promotion: readPromotionPolicy(
      config.getOptionalConfig('promotion'),
      `${key}.promotion`,
      { production, names, index },
    ),
    freezeWindows: readFreezeWindows(config, key),
    ...(executor && { executor }),
    ...(verification && { verification }),
  };
}

/**
 * Reads and validates `delivery.environments`, in promotion order (the
 * defaults, {@link defaultDeliveryEnvironments}, when it is left out); an
 * environment without `executor` has none. Throws an `InputError` that names the
 * offending key when the configuration is wrong.
 *
 * @public
 */
export function readDeliveryEnvironments(config: Config): Environment[] {
  const configs = config.getOptionalConfigArray(ENVIRONMENTS_KEY);
  if (!configs) {
    return defaultDeliveryEnvironments();
  }
  if (configs.length === 0) {
    throw new InputError(
      `${ENVIRONMENTS_KEY} is empty; list at least one environment, or leave it out to get dev, staging and prod`,
    );
  }

  const keyOf = (index: number) => `${ENVIRONMENTS_KEY}[${index}]`;
  const names = configs.map((environmentConfig, index) =>
    readEnvironmentName(environmentConfig, keyOf(index)),
  );
  names.forEach((name, index) => {
    const first = names.indexOf(name);
    if (first !== index) {
      throw new InputError(
        `${keyOf(index)}.name '${name}' is already used by ${keyOf(first)}`,
      );
    }
  });

  const environments = configs.map((environmentConfig, index) =>
    readEnvironment(environmentConfig, keyOf(index), names, index),
  );
  environments.forEach((environment, index) => {
    const from = environment.promotion.promotedFrom;
    const source = environments.find(e => e.name === from);
    if (environment.promotion.requireVerifiedSource && !source?.verification) {
      throw new InputError(
        `${keyOf(
          index,
        )}.promotion.requireVerifiedSource needs a verification in the environment it is promoted from${
          from ? ` (${from})` : ', and it has none'
        }`,
      );
    }
  });
  return environments;
}
