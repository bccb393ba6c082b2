import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** The port of GitHub's API stand-in: app-config.e2e.yaml points integrations.github at it. */
export const GITHUB_STAND_IN_PORT = 7090;

/** A request the backend made to GitHub's API. */
export interface GitHubCall {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

/**
 * A stand-in for GitHub's REST API on 127.0.0.1: it answers every request
 * `204 No Content` (as GitHub answers a deployment protection rule's
 * callback) and keeps what it was sent.
 */
export async function startGitHubStandIn(): Promise<{
  calls: GitHubCall[];
  close: () => Promise<void>;
}> {
  const calls: GitHubCall[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>(resolve =>
    server.listen(GITHUB_STAND_IN_PORT, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  if (port !== GITHUB_STAND_IN_PORT) {
    throw new Error(`GitHub's stand-in listens on ${port}`);
  }
  return {
    calls,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
