import autocannon from 'autocannon';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BENCH_TOKENS, Replica } from './replicas';

/** One call a page makes, measured on its own within the mix. */
export interface PageCall {
  name: string;
  path: string;
}

/** What a route did under load: exact percentiles over every response. */
export interface CallFigures {
  name: string;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

// percentile_cont over the sorted response times, as the DORA figures do.
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/**
 * Sends the calls at `rate` requests per second in total for `seconds`,
 * spread evenly over the calls and the replicas (one rate-limited autocannon
 * instance per call and replica), each request from the next of the bench's
 * callers, and answers the latencies of each call (by name: calls named
 * alike are pooled) over all replicas. Any non-2xx answer, connection error
 * or timeout is an error.
 */
export async function runLoad(options: {
  replicas: Replica[];
  calls: PageCall[];
  rate: number;
  seconds: number;
}): Promise<CallFigures[]> {
  const { replicas, calls, rate, seconds } = options;
  const instances = calls.flatMap(call =>
    replicas.map(replica => ({ call, replica })),
  );
  const perInstance = rate / instances.length;
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const runs = instances.map(
    ({ call, replica }, index) =>
      new Promise<{
        call: PageCall;
        result: autocannon.Result;
        times: number[];
      }>((resolvePromise, reject) => {
        // Each request comes from the next of the callers in turn.
        let sent = 0;
        const nextCaller = (request: autocannon.Request) => ({
          ...request,
          headers: {
            ...request.headers,
            authorization: `Bearer ${
              BENCH_TOKENS[sent++ % BENCH_TOKENS.length]
            }`,
          },
        });
        const times: number[] = [];
        // autocannon's rate limit lets a connection send its quota for a
        // second at once, when the second starts. One connection per
        // instance, the instances started evenly over a second, spreads the
        // requests over each second, as people's arrive, where they would
        // otherwise all arrive in a burst at the start of every second.
        setTimeout(() => {
          const instance = autocannon(
            {
              url: `${replica.baseUrl}${call.path}`,
              requests: [{ setupRequest: nextCaller }],
              connections: 1,
              overallRate: perInstance,
              duration: seconds,
              timeout: 10,
            },
            (error, result) =>
              error ? reject(error) : resolvePromise({ call, result, times }),
          );
          instance.on('response', (_client, _status, _bytes, responseTime) =>
            times.push(responseTime),
          );
        }, (index * 1000) / instances.length);
      }),
  );
  const done = await Promise.all(runs);
  lag.disable();
  // Latencies are measured in this process: if its own event loop lags,
  // the figures include the load generator's wait, not only the replicas'.
  console.log(
    `  (load generator's event-loop delay p50 ${(
      lag.percentile(50) / 1e6
    ).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms)`,
  );
  const names = [...new Set(calls.map(call => call.name))];
  return names.map(name => {
    const mine = done.filter(run => run.call.name === name);
    const times = mine.flatMap(run => run.times).sort((a, b) => a - b);
    const errors = mine.reduce(
      (sum, { result }) =>
        sum + result.non2xx + result.errors + result.timeouts,
      0,
    );
    return {
      name,
      requests: times.length,
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      errors,
    };
  });
}
