/**
 * `npm run bench:fanout-model`: how fast could *any* sender finish the bench:fanout workload?
 *
 * A model, not a measurement: a perfect scheduler with no storage and no event loop, sending n
 * posts within the tenant window (L accepted requests per 1,000 + margin ms, refused ones not
 * counted, as at the fake connector), at least a gap after the last accepted one (a refused
 * request gives its booking back when its answer comes, `rttMs` later), against the same fault
 * draws (429 with Retry-After: 1 s, 5xx retried by Belong's own retry policy). It samples many fault
 * sequences and prints how often ratio ≤ 1.1 would hold, so the engine's measured runs
 * (BENCHMARKS.md) can be read against what the workload allows at all.
 *
 * Options: --n 1000 --rps 50 --p429 0.1 --p5xx 0.02 --runs 2000 --seed 1
 * Each scenario line: {"scenario":…,"p10":…,"p50":…,"p90":…,"withinTarget":…} (seconds; fraction).
 */
import { parseArgs } from 'node:util';
import { decide } from '../core/delivery/retry-policy.js';
// The fake connector's generator, so that runs are repeatable from a seed.
import { mulberry32 } from '../tests/support/fake-teams-connector.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    rps: { type: 'string', default: '50' },
    p429: { type: 'string', default: '0.1' },
    p5xx: { type: 'string', default: '0.02' },
    runs: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
  },
});

interface Scenario {
  name: string;
  marginMs: number;
  /** Least gap between requests, as a multiple of 1/L (1.5 = the engine's spread; 6 ≈ bursts). */
  gapFactor: number;
  /** First request this long after the clock starts. */
  startMs: number;
  /** From a refusal's response to its retry being ready, beyond the delay asked for. */
  requeueMs: number;
  /** From a request's write to its answer. */
  rttMs: number;
  retriesFirst: boolean;
}

/** Seconds from the clock's start to the last accepted post, for one fault sequence. */
function simulate(s: Scenario, n: number, rps: number, p429: number, p5xx: number, seed: number) {
  const random = mulberry32(seed);
  const windowMs = 1_000 + s.marginMs;
  const gapMs = windowMs / (rps * s.gapFactor);
  const accepted: number[] = [];
  /** Retries waiting: [due, attempts so far], kept sorted by due. */
  const retries: [number, number][] = [];
  let fresh = n;
  let lastAccepted = -Infinity;
  let free = s.startMs;
  let last = 0;
  while (fresh > 0 || retries.length > 0) {
    let t = Math.max(free, lastAccepted + gapMs);
    if (accepted.length >= rps) t = Math.max(t, accepted[accepted.length - rps]! + windowMs);
    let attempts: number;
    const retryDue = retries.length > 0 && retries[0]![0] <= t;
    if (fresh > 0 && !(s.retriesFirst && retryDue)) {
      fresh--;
      attempts = 1;
    } else {
      const [due, made] = retries.shift()!;
      t = Math.max(t, due);
      attempts = made + 1;
    }
    free = t;
    const draw = random();
    const status = draw < p429 ? 429 : draw < p429 + p5xx ? 503 : 201;
    if (status === 201) {
      accepted.push(t);
      lastAccepted = t;
      last = t;
      continue;
    }
    free = t + s.rttMs; // its booking holds the tenant's gap until the answer comes
    const decision = decide(
      { ok: false, status, retryAfter: status === 429 ? '1' : null },
      attempts,
      { maxAttempts: 12, retryAfterJitter: 0, random },
    );
    if (decision.kind !== 'retry') throw new Error(`model: gave up (${decision.kind})`);
    const due = t + decision.delayMs + s.requeueMs;
    let i = retries.length;
    while (i > 0 && retries[i - 1]![0] > due) i--;
    retries.splice(i, 0, [due, attempts]);
  }
  return last / 1_000;
}

const n = Number(values.n);
const rps = Number(values.rps);
const runs = Number(values.runs);
const floorSeconds = n / rps;
const engine: Scenario = {
  name: 'this engine (margin 20 ms, spread 1.5 × L, retries first, first request at 0.15 s)',
  marginMs: 20,
  gapFactor: 1.5,
  startMs: 150,
  requeueMs: 3,
  rttMs: 2,
  retriesFirst: true,
};
const scenarios: Scenario[] = [
  engine,
  { ...engine, name: 'the same, first attempts before retries', retriesFirst: false },
  { ...engine, name: 'the same, spread 3 × L', gapFactor: 3 },
  { ...engine, name: 'the same, bursts (spread 6 × L)', gapFactor: 6 },
  {
    ...engine,
    name: 'ideal: no margin, first request at 0, no re-queue time',
    marginMs: 0,
    startMs: 0,
    requeueMs: 0,
    rttMs: 0,
    gapFactor: 6,
  },
];
for (const scenario of scenarios) {
  const seconds: number[] = [];
  for (let r = 0; r < runs; r++)
    seconds.push(
      simulate(scenario, n, rps, Number(values.p429), Number(values.p5xx), Number(values.seed) + r),
    );
  seconds.sort((a, b) => a - b);
  const at = (q: number) => Number(seconds[Math.floor(q * (runs - 1))]!.toFixed(2));
  const within = seconds.filter((x) => x / floorSeconds <= 1.1).length / runs;
  console.log(
    JSON.stringify({
      scenario: scenario.name,
      p10: at(0.1),
      p50: at(0.5),
      p90: at(0.9),
      withinTarget: Number(within.toFixed(3)),
    }),
  );
}
