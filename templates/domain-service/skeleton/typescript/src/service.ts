import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isReady, serviceStatus, type UpstreamState } from './status.ts';

/** How the service is configured, from its environment. */
export interface ServiceOptions {
  service: string;
  domain: string;
  version: string;
  /** The upstream the service depends on, if any. */
  upstreamUrl?: string;
  /** How long to wait for the upstream before answering degraded. */
  upstreamTimeoutMs: number;
}

/** A running service. */
export interface RunningService {
  url: string;
  server: Server;
  /** Stops taking new traffic (readiness fails), then closes once in-flight requests are done. */
  drain(): Promise<void>;
}

/** Reads the options from environment variables, as the Helm chart sets them. */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): ServiceOptions {
  return {
    service: env.SERVICE_NAME ?? '${{ values.name }}',
    domain: env.SERVICE_DOMAIN ?? '${{ values.domain }}',
    version: env.SERVICE_VERSION ?? '0.0.0-dev',
    upstreamUrl: env.UPSTREAM_URL || undefined,
    upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS ?? 500),
  };
}

async function checkUpstream(options: ServiceOptions): Promise<UpstreamState> {
  if (!options.upstreamUrl) {
    return 'none';
  }
  try {
    const response = await fetch(options.upstreamUrl, {
      signal: AbortSignal.timeout(options.upstreamTimeoutMs),
    });
    return response.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

/** Starts the service on a port (0 for any free one). */
export async function startService(
  options: ServiceOptions,
  port: number,
): Promise<RunningService> {
  const state = { draining: false };
  const identity = {
    service: options.service,
    domain: options.domain,
    version: options.version,
  };
  const server = createServer(async (request, response) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        // While draining, no connection is kept for another request.
        ...(state.draining && { connection: 'close' }),
      });
      response.end(JSON.stringify(body));
    };
    switch (request.url) {
      case '/healthz':
        return json(200, { status: 'ok' });
      case '/readyz':
        return isReady(state)
          ? json(200, { status: 'ready' })
          : json(503, { status: 'draining' });
      case '/version':
        return json(200, identity);
      case '/api/status':
        return json(200, serviceStatus(identity, await checkUpstream(options)));
      default:
        return json(404, { error: 'not found' });
    }
  });
  await new Promise<void>(resolve => server.listen(port, resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    server,
    drain: () => {
      state.draining = true;
      return new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
    },
  };
}
