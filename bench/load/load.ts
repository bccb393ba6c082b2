import autocannon from 'autocannon';
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
 * instance per call and replica, all at once), each request from the next
 * of the bench's callers, and answers each call's
 * latencies pooled over the replicas. Any non-2xx answer, connection error or
 * timeout is an error.
 */
export async function runLoad(options: {
  replicas: Replica[];
  calls: PageCall[];
  rate: number;
  seconds: number;
}): Promise<CallFigures[]> {
  const { replicas, calls, rate, seconds } = options;
  const perInstance = rate / (calls.length * replicas.length);
  const runs = calls.flatMap(call =>
    replicas.map(replica => {
      // Each request comes from the next of the callers in turn.
      let sent = 0;
      const nextCaller = (request: autocannon.Request) => ({
        ...request,
        headers: {
          ...request.headers,
          authorization: `Bearer ${BENCH_TOKENS[sent++ % BENCH_TOKENS.length]}`,
        },
      });
      const times: number[] = [];
      return new Promise<{
        call: PageCall;
        result: autocannon.Result;
        times: number[];
      }>((resolvePromise, reject) => {
        const instance = autocannon(
          {
            url: `${replica.baseUrl}${call.path}`,
            requests: [{ setupRequest: nextCaller }],
            connections: 4,
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
      });
    }),
  );
  const done = await Promise.all(runs);
  return calls.map(call => {
    const mine = done.filter(run => run.call === call);
    const times = mine.flatMap(run => run.times).sort((a, b) => a - b);
    const errors = mine.reduce(
      (sum, { result }) =>
        sum + result.non2xx + result.errors + result.timeouts,
      0,
    );
    return {
      name: call.name,
      requests: times.length,
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      errors,
    };
  });
}
