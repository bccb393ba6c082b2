import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  ArgoCdVerificationConfig,
  HttpVerificationConfig,
  PrometheusVerificationConfig,
  VerificationConfig,
} from '@domain-delivery/backstage-plugin-delivery-common';

function readMs(
  config: Config,
  key: string,
  path: string,
  fallbackMs: number,
): number {
  if (!config.has(key)) {
    return fallbackMs;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${path}.${key} is not a valid duration`, error);
  }
  if (!(ms > 0)) {
    throw new InputError(`${path}.${key} must be longer than nothing`);
  }
  return ms;
}

function readUrl(config: Config, key: string, path: string): string {
  const value = config.getString(key).trim();
  if (!/^https?:\/\//.test(value)) {
    throw new InputError(
      `${path}.${key} must be an http or https URL, got '${value}'`,
    );
  }
  return value.replace(/\/+$/, '');
}

function readHttp(config: Config, path: string): HttpVerificationConfig {
  const expect = config.getOptionalConfig('expect');
  const successes = config.getOptionalNumber('successes') ?? 3;
  if (!Number.isInteger(successes) || successes < 1) {
    throw new InputError(
      `${path}.successes must be a whole number of at least 1, got ${successes}`,
    );
  }
  return {
    url: readUrl(config, 'url', path),
    ...(expect && {
      expect: {
        jsonPath: expect.getString('jsonPath'),
        equals: expect.getString('equals'),
      },
    }),
    successes,
    intervalMs: readMs(config, 'interval', path, 10_000),
    timeoutMs: readMs(config, 'timeout', path, 300_000),
  };
}

function readArgoCd(config: Config, path: string): ArgoCdVerificationConfig {
  const appName = config.getOptionalString('appName');
  return {
    baseUrl: readUrl(config, 'baseUrl', path),
    token: config.getString('token'),
    ...(appName && { appName }),
    intervalMs: readMs(config, 'interval', path, 10_000),
    timeoutMs: readMs(config, 'timeout', path, 300_000),
  };
}

function readPrometheus(
  config: Config,
  path: string,
): PrometheusVerificationConfig {
  const below = config.getOptionalNumber('below');
  const above = config.getOptionalNumber('above');
  if ((below === undefined) === (above === undefined)) {
    throw new InputError(
      `${path} needs exactly one of below and above, the threshold the query must stay under or over`,
    );
  }
  const forMs = readMs(config, 'for', path, 300_000);
  const token = config.getOptionalString('token');
  return {
    baseUrl: readUrl(config, 'baseUrl', path),
    query: config.getString('query'),
    ...(below !== undefined && { below }),
    ...(above !== undefined && { above }),
    forMs,
    intervalMs: readMs(config, 'interval', path, 30_000),
    timeoutMs: readMs(config, 'timeout', path, forMs + 300_000),
    ...(token && { token }),
  };
}

/**
 * Reads an environment's `verification`: the checks run after each
 * succeeded deployment into it; undefined when it configures none.
 */
export function readVerification(
  environment: Config,
  key: string,
): VerificationConfig | undefined {
  const config = environment.getOptionalConfig('verification');
  if (!config) {
    return undefined;
  }
  const path = `${key}.verification`;
  const http = config.getOptionalConfig('http');
  const argocd = config.getOptionalConfig('argocd');
  const prometheus = config.getOptionalConfig('prometheus');
  if (!http && !argocd && !prometheus) {
    throw new InputError(
      `${path} configures no check; add http, argocd or prometheus, or leave it out`,
    );
  }
  return {
    ...(http && { http: readHttp(http, `${path}.http`) }),
    ...(argocd && { argocd: readArgoCd(argocd, `${path}.argocd`) }),
    ...(prometheus && {
      prometheus: readPrometheus(prometheus, `${path}.prometheus`),
    }),
    rollbackOnFailure: config.getOptionalBoolean('rollbackOnFailure') ?? false,
    rollbackWithoutApproval:
      config.getOptionalBoolean('rollbackWithoutApproval') ?? false,
  };
}
