/**
 * Load for the check-in bench: POSTs JSON over kept-alive node:http connections, in a closed
 * loop (N clients, each sending its next request as soon as the last one is answered) or an open
 * loop (requests started at a fixed rate whatever the server does, latency measured from the
 * moment each request was due, so a stalled server can't hide its queue).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Reply {
  status: number;
  body: string;
}

export interface Client {
  post(body: string): Promise<Reply>;
  close(): void;
}

export function client(url: string, maxSockets: number): Client {
  const { hostname, port, pathname } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    post: (body) =>
      new Promise((resolve, reject) => {
        const req = http.request(
          {
            agent,
            hostname,
            port,
            path: pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** One request of a run: its body, and what to do with the reply (or the failure). */
export interface Job {
  body: string;
  /** `latencyMs` is given in the open loop: from the job's due time to its reply. */
  done(reply: Reply | undefined, latencyMs?: number): void;
}

/**
 * `concurrency` clients send `next()` jobs back to back for `durationMs`. Returns how many
 * replies arrived within the window (requests still in flight at the end are awaited, not counted).
 */
export async function closedLoop(
  target: Client,
  next: () => Job,
  concurrency: number,
  durationMs: number,
): Promise<{ completed: number; failed: number; seconds: number }> {
  const started = performance.now();
  const end = started + durationMs;
  let completed = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const job = next();
        const reply = await target.post(job.body).catch(() => undefined);
        job.done(reply);
        if (performance.now() <= end) {
          if (reply?.status === 200) completed++;
          else failed++;
        }
      }
    }),
  );
  return { completed, failed, seconds: durationMs / 1000 };
}

/**
 * Starts `rate` jobs a second for `durationMs`, each at its due time however many are in
 * flight; returns every job's latency in ms from its due time to its reply.
 */
export async function openLoop(
  target: Client,
  next: () => Job,
  rate: number,
  durationMs: number,
): Promise<{ latencies: number[]; failed: number; lateStarts: number }> {
  const total = Math.round((rate * durationMs) / 1000);
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  let lateStarts = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // The timer or the event loop was late: the latency below still counts from `due`.
    if (performance.now() - due > 5) lateStarts++;
    const job = next();
    inFlight.push(
      target
        .post(job.body)
        .catch(() => undefined)
        .then((reply) => {
          const latency = performance.now() - due;
          latencies.push(latency);
          if (reply?.status !== 200) failed++;
          job.done(reply, latency);
        }),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failed, lateStarts };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
