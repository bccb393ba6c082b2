import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ArgoCdInstance } from '@domain-delivery/backstage-plugin-delivery-node';

/** Where the Argo CD source's settings are read from. */
export const ARGOCD_SOURCE_CONFIG_KEY = 'delivery.sources.argocd';

/** An Argo CD instance of the configuration, with the name annotations use for it. */
export interface NamedArgoCdInstance extends ArgoCdInstance {
  name: string;
}

/** What the Argo CD source reads and how often, as `delivery.sources.argocd` configures it. */
export interface ArgoCdSourceSettings {
  /** False when turned off, or when no instance is configured. */
  enabled: boolean;
  /** The instances; the first is the one an annotation without `instance/` means. */
  instances: NamedArgoCdInstance[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Instances left out because their URL or token is not set, for a warning. */
  leftOut: string[];
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 5 },
};

// Instance names prefix application names in annotations, `instance/app`.
const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function readInstance(
  config: Config,
  path: string,
): NamedArgoCdInstance | string {
  const name = config.getString('name');
  // An environment variable that is not set leaves its key out.
  const missing = ['url', 'token'].filter(key => !config.has(key));
  if (missing.length) {
    return `The Argo CD instance ${name} is not read: ${path} has no ${missing.join(
      ' and no ',
    )}`;
  }
  if (!INSTANCE_NAME.test(name)) {
    throw new InputError(
      `${path}.name '${name}' must be letters, digits, '.', '_' or '-' (it prefixes application names as '${name}/<application>')`,
    );
  }
  const url = config.getString('url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${path}.url '${url}' is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError(`${path}.url '${url}' must be an http or https URL`);
  }
  const token = config.getString('token');
  if (!token.trim()) {
    throw new InputError(`${path}.token must not be blank`);
  }
  return { name, baseUrl: url.replace(/\/+$/, ''), token: token.trim() };
}

/**
 * Reads `delivery.sources.argocd`. The source is on when at least one
 * instance is configured, unless `enabled: false` turns it off.
 */
export function readArgoCdSourceSettings(config: Config): ArgoCdSourceSettings {
  const argocd = config.getOptionalConfig(ARGOCD_SOURCE_CONFIG_KEY);
  if (!argocd || argocd.getOptionalBoolean('enabled') === false) {
    return {
      enabled: false,
      instances: [],
      schedule: DEFAULT_SCHEDULE,
      leftOut: [],
    };
  }
  const read = (argocd.getOptionalConfigArray('instances') ?? []).map(
    (instance, index) =>
      readInstance(instance, `${ARGOCD_SOURCE_CONFIG_KEY}.instances[${index}]`),
  );
  const instances = read.filter(
    (instance): instance is NamedArgoCdInstance => typeof instance !== 'string',
  );
  const leftOut = read.filter(
    (instance): instance is string => typeof instance === 'string',
  );
  const names = new Set<string>();
  for (const { name } of instances) {
    if (names.has(name)) {
      throw new InputError(
        `${ARGOCD_SOURCE_CONFIG_KEY}.instances names the instance '${name}' twice`,
      );
    }
    names.add(name);
  }
  const schedule = argocd.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        argocd.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  return { enabled: instances.length > 0, instances, schedule, leftOut };
}
