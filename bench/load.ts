import http from 'node:http';

export interface LoadResult {
  perSecond: number;
  p50: number;
  p95: number;
  requests: number;
}

/**
 * `connections` loops, each sending one request after the other for `seconds` (and never more than
 * MAX_REQUESTS in all): the throughput and latency of whatever `send` does.
 */
const MAX_REQUESTS = 2_000_000;

export async function runLoad(connections: number, seconds: number, send: () => Promise<void>): Promise<LoadResult> {
  return summarizeLoads([await timeLoad(connections, seconds, send)]);
}

/** One stretch of load: each request's time and how long the stretch took (s). */
export interface LoadTimes {
  times: number[];
  elapsed: number;
}

export async function timeLoad(connections: number, seconds: number, send: () => Promise<void>): Promise<LoadTimes> {
  const times: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && times.length < MAX_REQUESTS) {
        const sent = performance.now();
        await send();
        times.push(performance.now() - sent);
      }
    }),
  );
  return { times, elapsed: (performance.now() - start) / 1000 };
}

/** Stretches of the same load taken at different moments, as one result. */
export function summarizeLoads(stretches: LoadTimes[]): LoadResult {
  const times = stretches.flatMap((stretch) => stretch.times).sort((a, b) => a - b);
  const elapsed = stretches.reduce((sum, stretch) => sum + stretch.elapsed, 0);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { perSecond: times.length / elapsed, p50: at(0.5), p95: at(0.95), requests: times.length };
}

/** GET `url` over keep-alive connections (at most `connections` sockets), reading the whole body. */
export function httpGetter(url: string, headers: Record<string, string>, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.get(url, { agent, headers }, (response) => {
        response.on('data', () => {});
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`GET ${url}: ${response.statusCode}`))));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  return { send, close: () => agent.destroy() };
}
