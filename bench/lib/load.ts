import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Loopback load with autocannon: a short warm-up, then the measured run. Only 127.0.0.1. */
export async function load(
  url: string,
  options: { connections: number; seconds: number; bust?: boolean; headers?: Record<string, string> },
): Promise<LoadFigures> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error('load tests target 127.0.0.1 only');
  // bust: a unique query parameter per request, so a per-URL cache never answers (the work behind it shows).
  let n = 0;
  const u = new URL(url);
  const requests = options.bust
    ? [
        {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            path: `${u.pathname}${u.search ? `${u.search}&` : '?'}_bench=${n++}`,
          }),
        },
      ]
    : undefined;
  const headers = options.headers;
  await autocannon({ url, connections: options.connections, duration: 1, requests, headers });
  const r = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests,
    headers,
  });
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
