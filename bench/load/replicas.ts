import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { DATABASE_PREFIX } from './database';

const ROOT = resolve(__dirname, '../..');
/**
 * The bench's callers: many people open pages at once, and what the plugin
 * keeps per caller (catalog answers, read decisions) must not make one
 * caller look like a crowd. Each is a static token with its own subject.
 */
export const BENCH_TOKENS = Array.from(
  { length: 24 },
  (_, i) => `load-bench-static-token-${String(i).padStart(2, '0')}-0123456789`,
);

/** A backend replica the bench started, on its own port. */
export interface Replica {
  baseUrl: string;
  process: ChildProcess;
}

function replicaConfig(options: {
  port: number;
  server: string;
  catalogFile: string;
}) {
  return {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${options.port}`,
      listen: { host: '127.0.0.1', port: options.port },
      database: {
        client: 'pg',
        connection: options.server,
        prefix: DATABASE_PREFIX,
      },
      auth: {
        externalAccess: BENCH_TOKENS.map((token, i) => ({
          type: 'static',
          options: { token, subject: `load-bench-caller-${i}` },
        })),
      },
    },
    catalog: {
      rules: [{ allow: ['Component', 'System', 'Domain', 'Group'] }],
      locations: [{ type: 'file', target: options.catalogFile }],
    },
    permission: { enabled: true },
    delivery: {
      environments: [
        { name: 'dev', executor: { type: 'gitops-local' } },
        {
          name: 'staging',
          promotion: { from: 'dev' },
          executor: { type: 'gitops-local' },
        },
        {
          name: 'prod',
          production: true,
          promotion: { from: 'staging', requiredApprovals: 1 },
          executor: { type: 'gitops-local' },
        },
      ],
    },
  };
}

/**
 * Starts `count` backend replicas (bench/load/backend.ts) on one set of
 * databases, the catalog read from a file of the given entities. Each starts
 * once the one before serves `probe`: Backstage's own plugins (the catalog,
 * the auth keys) refuse to start while another replica migrates a new
 * database, as in a rolling deployment where replicas come up one by one.
 */
export async function startReplicas(options: {
  count: number;
  firstPort: number;
  server: string;
  entities: Entity[];
  probe: string;
}): Promise<Replica[]> {
  const dir = mkdtempSync(join(tmpdir(), 'delivery-load-bench-'));
  const catalogFile = join(dir, 'catalog.yaml');
  writeFileSync(
    catalogFile,
    options.entities.map(entity => stringify(entity)).join('---\n'),
  );
  const replicas: Replica[] = [];
  for (let i = 0; i < options.count; i++) {
    const port = options.firstPort + i;
    const configFile = join(dir, `app-config.${port}.yaml`);
    writeFileSync(
      configFile,
      stringify(replicaConfig({ port, server: options.server, catalogFile })),
    );
    const child = spawn(
      process.execPath,
      [
        // DELIVERY_BENCH_LOAD_PROFILE=<folder>: each replica writes a CPU
        // profile there when it stops, to see where a request's time goes.
        ...(process.env.DELIVERY_BENCH_LOAD_PROFILE
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${process.env.DELIVERY_BENCH_LOAD_PROFILE}`,
            ]
          : []),
        '--require',
        join(ROOT, 'node_modules/@backstage/cli/config/nodeTransform.cjs'),
        join(ROOT, 'bench/load/backend.ts'),
        '--config',
        configFile,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error' },
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true,
      },
    );
    const replica = { baseUrl: `http://127.0.0.1:${port}`, process: child };
    replicas.push(replica);
    try {
      await waitUntilServing(replica, options.probe, 300_000);
    } catch (error) {
      stopReplicas(replicas);
      throw error;
    }
  }
  return replicas;
}

/** Waits until the replica's catalog holds the entity and the delivery API answers. */
export async function waitUntilServing(
  replica: Replica,
  probe: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${replica.baseUrl}${probe}`, {
        headers: { authorization: `Bearer ${BENCH_TOKENS[0]}` },
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (replica.process.exitCode !== null) {
      throw new Error(
        `Replica ${replica.baseUrl} exited with ${replica.process.exitCode}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`Replica ${replica.baseUrl} did not serve ${probe}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

export function stopReplicas(replicas: Replica[]): void {
  for (const { process: child } of replicas) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
