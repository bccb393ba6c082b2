import { readdirSync, readFileSync } from 'node:fs';
import { PageCall } from './load';
import { BENCH_TOKENS, Replica } from './replicas';

// The kernel counts CPU time in clock ticks of 10 ms (USER_HZ 100 on Linux).
const MS_PER_TICK = 10;

// User + system CPU ticks a process has used, from /proc (Linux).
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .split(') ')[1]
      .split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone meanwhile
  }
}

// CPU ticks of each PostgreSQL process on this machine (the server, its
// connections), by process id.
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) {
        ticks.set(Number(pid), cpuTicks(Number(pid)));
      }
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

// The ticks used since `before`, by the processes still there (a connection
// that ended meanwhile takes its ticks with it) and the new ones.
function postgresTicksSince(before: Map<number, number>): number {
  let used = 0;
  for (const [pid, ticks] of postgresTicks()) {
    used += ticks - (before.get(pid) ?? 0);
  }
  return Math.max(0, used);
}

/** The CPU one request of a call costs, on the replica and in PostgreSQL. */
export interface CallCpu {
  name: string;
  replicaMs: number;
  postgresMs: number;
}

/**
 * Sends each call `count` times one after the other to one replica (after
 * a few unmeasured ones) and divides the CPU time the replica's process and
 * this machine's PostgreSQL used meanwhile by `count`: what a request costs,
 * which decides how many a second the machine can answer. Includes the
 * replica's own background work (the catalog's processing, schedulers)
 * for the duration, as the no-op route's figure shows.
 */
export async function cpuPerCall(options: {
  replica: Replica;
  calls: PageCall[];
  count: number;
}): Promise<CallCpu[]> {
  const { replica, calls, count } = options;
  const pid = replica.process.pid!;
  const figures: CallCpu[] = [];
  for (const call of calls) {
    const send = async () => {
      const response = await fetch(`${replica.baseUrl}${call.path}`, {
        headers: { authorization: `Bearer ${BENCH_TOKENS[0]}` },
      });
      await response.arrayBuffer();
      if (!response.ok) {
        throw new Error(`${call.name} answered ${response.status}`);
      }
    };
    for (let i = 0; i < 20; i++) {
      await send();
    }
    const replicaBefore = cpuTicks(pid);
    const postgresBefore = postgresTicks();
    for (let i = 0; i < count; i++) {
      await send();
    }
    figures.push({
      name: call.name,
      replicaMs: ((cpuTicks(pid) - replicaBefore) * MS_PER_TICK) / count,
      postgresMs: (postgresTicksSince(postgresBefore) * MS_PER_TICK) / count,
    });
  }
  return figures;
}
