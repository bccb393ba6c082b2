import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where `delivery.github` is read from. */
export const GITHUB_SOURCE_CONFIG_KEY = 'delivery.github';

/** How often the backfill runs unless `delivery.github.backfill.schedule` says. */
export const DEFAULT_BACKFILL_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { hours: 3 },
    initialDelay: { minutes: 1 },
  };

/** What the GitHub source records, as `delivery.github` configures it. */
export interface GitHubSourceSettings {
  deployments: {
    enabled: boolean;
    /** The portal's environment for a GitHub environment name. */
    environmentFor(githubEnvironment: string): string;
    /** Whether to ask GitHub for the commits a deployment brought. */
    commits: boolean;
  };
  incidents: {
    enabled: boolean;
    /** The issue label that makes an issue an incident, in lower case. */
    label: string;
    /** The portal environment incidents are reported in, when configured. */
    environment?: string;
  };
  /** Answering GitHub's deployment protection rule requests. */
  protectionRules: {
    enabled: boolean;
  };
  pipelines: {
    /** Whether workflow runs are recorded as pipeline runs. */
    enabled: boolean;
  };
  backfill: {
    enabled: boolean;
    /** How far back the first run reads, in days. */
    days: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** The GitHub host of the repositories that `github.com/project-slug` names. */
    host: string;
  };
}

/** Reads `delivery.github`; every part is on unless it is turned off. */
export function readGitHubSourceSettings(config: Config): GitHubSourceSettings {
  const github =
    config.getOptionalConfig(GITHUB_SOURCE_CONFIG_KEY) ?? new ConfigReader({});
  const deployments = github.getOptionalConfig('deployments');
  const incidents = github.getOptionalConfig('incidents');
  const protectionRules = github.getOptionalConfig('protectionRules');
  const pipelines = github.getOptionalConfig('pipelines');
  const backfill = github.getOptionalConfig('backfill');

  const mapped = new Map<string, string>();
  for (const entry of deployments?.getOptionalConfigArray('environments') ??
    []) {
    const name = entry.getString('github');
    if (mapped.has(name)) {
      throw new InputError(
        `${GITHUB_SOURCE_CONFIG_KEY}.deployments.environments names the GitHub environment '${name}' twice`,
      );
    }
    mapped.set(name, entry.getString('environment'));
  }

  const label = incidents?.getOptionalString('label') ?? 'incident';
  if (!label.trim()) {
    throw new InputError(
      `${GITHUB_SOURCE_CONFIG_KEY}.incidents.label must not be blank`,
    );
  }

  const days = backfill?.getOptionalNumber('days') ?? 90;
  if (!Number.isInteger(days) || days < 1) {
    throw new InputError(
      `${GITHUB_SOURCE_CONFIG_KEY}.backfill.days must be a whole number of days, at least 1`,
    );
  }
  return {
    deployments: {
      enabled: deployments?.getOptionalBoolean('enabled') ?? true,
      // A GitHub environment with no entry keeps its name.
      environmentFor: name => mapped.get(name) ?? name,
      commits: deployments?.getOptionalBoolean('commits') ?? true,
    },
    incidents: {
      enabled: incidents?.getOptionalBoolean('enabled') ?? true,
      label: label.trim().toLocaleLowerCase('en-US'),
      environment: incidents?.getOptionalString('environment'),
    },
    protectionRules: {
      enabled: protectionRules?.getOptionalBoolean('enabled') ?? true,
    },
    pipelines: {
      enabled: pipelines?.getOptionalBoolean('enabled') ?? true,
    },
    backfill: {
      enabled: backfill?.getOptionalBoolean('enabled') ?? true,
      days,
      schedule: backfill?.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            backfill.getConfig('schedule'),
          )
        : DEFAULT_BACKFILL_SCHEDULE,
      host: backfill?.getOptionalString('host') ?? 'github.com',
    },
  };
}
