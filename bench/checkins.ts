/**
 * `npm run bench:checkins` (issue #6): pupils answering check-in cards, through POST /api/messages.
 *
 * (a) The framework floor: a bare botbuilder CloudAdapter on express answering every
 *     `adaptiveCard/action` invoke with a fixed card (bench/support/checkins-floor.ts).
 * (b) The real Belong server (bench/support/checkins-server.ts: server/main.ts's composition with
 *     the bench school's directory) on an in-memory Azurite, with one daily-mood check-in posted
 *     in each of many classes of 30 pupils.
 * Each server is its own process pinned to core 1 (`taskset`); the bench and Azurite share core 0.
 * Both get the same invokes from distinct pupils, class by class (once a class has all answered,
 * further answers are changes of answer):
 *   - closed loop, `--concurrency` clients on warmed keep-alive connections → answers/s for each,
 *     in `--rounds` alternating rounds of `--seconds` (floor, Belong, floor, Belong, …; medians);
 *   - open loop at `--rate` answers/s against the real server, on classes not yet answered → p50, p99;
 *   - peak RSS (VmHWM) of each server process;
 *   - afterwards every pupil's stored answer is compared with the last one acknowledged (`lost`),
 *     and every check-in's aggregate with a recount of its stored answers.
 * Belong runs with the Node.js flags of the production start command (`npm run serve`), the floor
 * with Node's defaults.
 * With `--contention 2x200,2x400,3x200,3x400` it runs instead one 1,000-pupil check-in answered
 * through 2 or 3 servers at 200 or 400 answers/s (issue 21; bench/support/checkins-contention.ts);
 * last line: {"bench":"checkins-contention","cases":[{instances, rate, refused, p99ms, lost, …}]}.
 * Options: --concurrency 200 --seconds 5 --rounds 3 --warmup 3 --rate 300 --open-seconds 10
 *   --classes 100 (closed-loop classes) --profile <dir> (V8 CPU profiles of both servers)
 *   --node-flags "<flags>" (both servers) --belong-node-flags "<flags>" (Belong only)
 *   --node-defaults (Belong without the start command's flags)
 * Last line: {"bench":"checkins","concurrency":…,"answers":…,"rps":…,"floorRps":…,"ratio":…,
 *   "openLoopRps":…,"p50ms":…,"p99ms":…,"rssMB":…,"floorRssMB":…,"lost":…}
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { applyAnswer, emptyAggregate, type StoredAnswer } from '../core/checkin/checkin.js';
import { CheckinStore } from '../core/checkin/checkin-store.js';
import { checkinTemplate } from '../core/checkin/templates.js';
import { HmacPseudonymiser } from '../server/checkin/hmac-pseudonymiser.js';
import { AzureTableStore } from '../server/storage/azure-table-store.js';
import { startAzurite } from '../tests/support/azurite.js';
import { benchTenantId, classSize, pupilId } from './support/bench-school.js';
import {
  belongEnv,
  compileServers,
  cpuSeconds,
  log,
  peakRssMB,
  pinBenchToCore0,
  serveNodeFlags,
  startChild,
  type ChildOptions,
} from './support/checkins-processes.js';
import { acknowledges, answerActivity } from './support/answer-activity.js';
import { parseCases, runContention } from './support/checkins-contention.js';
import { seedSchool } from './support/checkins-seed.js';
import { client, closedLoop, openLoop, percentile, type Job, type Reply } from './support/load.js';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    rate: { type: 'string', default: '300' },
    'open-seconds': { type: 'string', default: '10' },
    classes: { type: 'string', default: '100' },
    /** Write a V8 CPU profile of each server process into this folder. */
    profile: { type: 'string' },
    /** Extra Node.js flags for both servers (e.g. --trace-gc); their last output is printed. */
    'node-flags': { type: 'string' },
    /** Extra Node.js flags for the Belong server only (experiments). */
    'belong-node-flags': { type: 'string' },
    /** Run Belong with Node's defaults instead of the production start command's flags. */
    'node-defaults': { type: 'boolean', default: false },
    /**
     * Instead of the run above: one 1,000-pupil check-in answered through several servers, e.g.
     * `2x200,2x400,3x200,3x400` (servers × answers/s; bench/support/checkins-contention.ts).
     */
    contention: { type: 'string' },
    /** With --contention: CheckinStores in the bench process instead of servers (the scheme alone). */
    'contention-stores': { type: 'boolean', default: false },
  },
});
if (values.contention !== undefined) {
  const cases = parseCases(values.contention);
  const results = await runContention(
    cases,
    {
      profile: values.profile,
      nodeFlags: values['node-flags']?.split(' ') ?? [],
      belongFlags: [
        ...(values['node-defaults'] ? [] : serveNodeFlags()),
        ...(values['belong-node-flags']?.split(' ') ?? []),
      ],
    },
    values['contention-stores'],
  );
  console.log(
    JSON.stringify({
      bench: 'checkins-contention',
      instances: values['contention-stores'] ? 'stores' : 'servers',
      cases: results,
    }),
  );
  process.exit(0);
}
const concurrency = Number(values.concurrency);
const closedMs = Number(values.seconds) * 1000;
const rounds = Number(values.rounds);
const warmupMs = Number(values.warmup) * 1000;
const rate = Number(values.rate);
const openMs = Number(values['open-seconds']) * 1000;
/** Classes loaded in the closed loop; the open loop gets fresh classes of its own. */
const closedClasses = Number(values.classes);
const openWarmupMs = 2_000;
const openClasses = Math.ceil((rate * (openMs + openWarmupMs)) / 1000 / classSize);

const secret = `bench-${randomBytes(16).toString('hex')}`;

// Core 0 for the bench and Azurite (started below, so it inherits this); core 1 for each server.
const pinning = pinBenchToCore0();
const belongFlags = values['node-defaults'] ? [] : serveNodeFlags();
const childOptions: ChildOptions = {
  pinning,
  profile: values.profile,
  nodeFlags: values['node-flags']?.split(' ') ?? [],
  belongFlags: [...belongFlags, ...(values['belong-node-flags']?.split(' ') ?? [])],
};

// ---- The pupils and what they answer -------------------------------------------------------

interface Pupil {
  k: number;
  i: number;
  userId: string;
  /** The last answer the server acknowledged, and whether one is in flight. */
  acked?: number;
  busy: boolean;
}
/** Class → its check-in's id. */
const checkinOf = new Map<number, string>();
const pupilsOf = (fromClass: number, classes: number): Pupil[] =>
  Array.from({ length: classes * classSize }, (_, n) => {
    const k = fromClass + Math.floor(n / classSize);
    const i = n % classSize;
    return { k, i, userId: pupilId(k, i), busy: false };
  });

interface Tally {
  sent: number;
  acked: number;
  refused: number;
}

/** The first few replies that were not the pupil's own card, to say why in the log. */
const refusals: string[] = [];
function noteRefusal(reply: Reply | undefined): void {
  if (refusals.length >= 3) return;
  const text = reply
    ? `${reply.status} ${reply.body.slice(0, 300)}`
    : 'no reply (connection failed)';
  refusals.push(text);
}

/** Open-loop latencies of each class's first answer (the server reads the check-in) and the rest. */
const firstLatencies: number[] = [];
const laterLatencies: number[] = [];

/**
 * Jobs over `pupils` in order, round after round; each round moves every pupil's answer on by
 * one point, so every answer after the first is a real change. A pupil with an answer still in
 * flight is passed over, so acknowledgements arrive in the order answers were sent.
 */
function answering(pupils: Pupil[], tally: Tally, track: boolean): () => Job {
  let n = 0;
  return () => {
    for (;;) {
      const p = pupils[n % pupils.length]!;
      const round = Math.floor(n / pupils.length);
      n++;
      if (p.busy) continue;
      const point = ((p.i + round) % 5) + 1;
      p.busy = true;
      tally.sent++;
      return {
        body: answerActivity(p.k, p.userId, checkinOf.get(p.k) ?? 'not-posted', point),
        done: (reply, latencyMs) => {
          p.busy = false;
          if (latencyMs !== undefined)
            (p.i === 0 ? firstLatencies : laterLatencies).push(latencyMs);
          if (track ? acknowledges(reply, point) : reply?.status === 200) {
            if (track) p.acked = point;
            tally.acked++;
          } else {
            tally.refused++;
            noteRefusal(reply);
          }
        },
      };
    }
  };
}

// ---- Run ----------------------------------------------------------------------------------

const median = (xs: number[]) => percentile(xs, 50);

const azurite = await startAzurite();
const stops: (() => Promise<unknown>)[] = [() => azurite.stop()];
try {
  log(
    `pinning: ${pinning ? 'servers on core 1, bench + Azurite on core 0' : 'none (taskset unavailable or 1 core)'}`,
  );
  log(
    `node flags: Belong ${[...belongFlags, values['node-flags'] ?? '', values['belong-node-flags'] ?? ''].filter(Boolean).join(' ') || '(defaults)'}` +
      (values['node-defaults']
        ? ' (--node-defaults)'
        : ' (the production start command, npm run serve)') +
      `; floor ${values['node-flags'] ?? '(defaults)'}`,
  );
  compileServers();

  // The school, seeded straight into the tables the real server will use.
  const tablePrefix = `bench${randomBytes(4).toString('hex')}`;
  const store = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: azurite.connectionString },
    tablePrefix,
  );
  // Posted as if an hour from now, so every check-in stays open for at least the hour the bench needs.
  const postedAt = new Date(Date.now() + 3_600_000);
  const postCheckin = await seedSchool(store, secret, postedAt);
  const allClasses = closedClasses + openClasses;
  const seedStarted = Date.now();
  let nextClass = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (nextClass < allClasses) {
        const k = nextClass++;
        checkinOf.set(k, await postCheckin(k));
      }
    }),
  );
  log(
    `seeded ${allClasses} classes of ${classSize} with a daily-mood check-in each in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  // Both servers run side by side on core 1 and are loaded in turn, so that other work on the
  // machine weighs on both alike; a server that is not being loaded only holds its memory.
  const floor = await startChild('bench/support/checkins-floor.js', {}, '/health', childOptions);
  stops.push(() => floor.child.stop('SIGTERM'));
  const belong = await startChild(
    'bench/support/checkins-server.js',
    belongEnv(azurite.connectionString, tablePrefix, secret),
    '/api/health',
    childOptions,
  );
  stops.push(() => belong.child.stop('SIGTERM'));

  const closedPupils = pupilsOf(0, closedClasses);
  const floorTally: Tally = { sent: 0, acked: 0, refused: 0 };
  const closedTally: Tally = { sent: 0, acked: 0, refused: 0 };
  const sides = [
    {
      name: 'floor',
      pid: floor.child.pid,
      client: client(`${floor.url}/api/messages`, concurrency),
      // The floor stores nothing: the same invokes, only counted.
      next: answering(pupilsOf(0, closedClasses), floorTally, false),
      rps: [] as number[],
      cpuUs: [] as number[],
    },
    {
      name: 'belong',
      pid: belong.child.pid,
      client: client(`${belong.url}/api/messages`, concurrency),
      next: answering(closedPupils, closedTally, true),
      rps: [] as number[],
      cpuUs: [] as number[],
    },
  ];
  let answers = 0;
  for (const side of sides) await closedLoop(side.client, side.next, concurrency, warmupMs);
  for (let round = 1; round <= rounds; round++) {
    for (const side of sides) {
      // A second to open and warm the connections again (the server drops idle ones after 5 s).
      await closedLoop(side.client, side.next, concurrency, 1_000);
      const cpu = cpuSeconds(side.pid);
      const azuriteCpu = cpuSeconds(azurite.pid);
      const run = await closedLoop(side.client, side.next, concurrency, closedMs);
      const rps = run.completed / run.seconds;
      const cpuUs = ((cpuSeconds(side.pid) - cpu) / run.completed) * 1e6;
      const azuriteUs = ((cpuSeconds(azurite.pid) - azuriteCpu) / run.completed) * 1e6;
      side.rps.push(rps);
      side.cpuUs.push(cpuUs);
      if (side.name === 'belong') answers += run.completed;
      log(
        `round ${round} ${side.name.padEnd(6)}: ${run.completed} answers in ${run.seconds} s = ` +
          `${rps.toFixed(0)}/s, ${cpuUs.toFixed(0)} µs server CPU` +
          (side.name === 'belong' ? ` + ${azuriteUs.toFixed(0)} µs Azurite CPU` : '') +
          ` each, failed ${run.failed}`,
      );
    }
  }
  for (const side of sides) side.client.close();
  const [floorSide, belongSide] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const floorRps = median(floorSide.rps);
  const rps = median(belongSide.rps);
  log(
    `closed loop (median of ${rounds}): belong ${rps.toFixed(0)}/s at ${median(belongSide.cpuUs).toFixed(0)} µs CPU, ` +
      `floor ${floorRps.toFixed(0)}/s at ${median(floorSide.cpuUs).toFixed(0)} µs CPU → ratio ${(rps / floorRps).toFixed(3)}`,
  );

  const openPupils = pupilsOf(closedClasses, openClasses);
  const openTally: Tally = { sent: 0, acked: 0, refused: 0 };
  const openClient = client(`${belong.url}/api/messages`, Infinity);
  const nextOpen = answering(openPupils, openTally, true);
  await openLoop(openClient, nextOpen, rate, openWarmupMs);
  const open = await openLoop(openClient, nextOpen, rate, openMs);
  openClient.close();
  const p50 = percentile(open.latencies, 50);
  const p99 = percentile(open.latencies, 99);
  log(
    `belong open loop: ${open.latencies.length} answers at ${rate}/s: p50 ${p50.toFixed(1)} ms, ` +
      `p90 ${percentile(open.latencies, 90).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
      `max ${percentile(open.latencies, 100).toFixed(1)} ms, failed ${open.failed}, late starts ${open.lateStarts}`,
  );
  log(
    `  a class's first answer: p50 ${percentile(firstLatencies, 50).toFixed(1)} ms, p99 ${percentile(firstLatencies, 99).toFixed(1)} ms; ` +
      `the others: p50 ${percentile(laterLatencies, 50).toFixed(1)} ms, p90 ${percentile(laterLatencies, 90).toFixed(1)} ms, p99 ${percentile(laterLatencies, 99).toFixed(1)} ms`,
  );
  const floorRssMB = peakRssMB(floor.child.pid);
  const rssMB = peakRssMB(belong.child.pid);
  log(
    `peak RSS: belong ${rssMB.toFixed(1)} MB, floor ${floorRssMB.toFixed(1)} MB (${(rssMB / floorRssMB).toFixed(2)} × floor)`,
  );
  if (values['node-flags']) {
    for (const [name, child] of [
      ['floor', floor.child],
      ['belong', belong.child],
    ] as const) {
      log(`${name} output (last lines):\n${child.output().split('\n').slice(-25).join('\n')}`);
    }
  }
  await belong.child.stop('SIGTERM');
  await floor.child.stop('SIGTERM');

  // What is stored against what was acknowledged.
  const pseudonyms = new HmacPseudonymiser(secret);
  let lost = 0;
  let aggregateMismatches = 0;
  let storedAnswers = 0;
  const template = checkinTemplate('daily-mood');
  for (let k = 0; k < allClasses; k++) {
    const rows = await store.list<Record<string, unknown>>(
      'checkins',
      benchTenantId,
      `c:${checkinOf.get(k)}`,
    );
    const stored = new Map(
      rows
        .filter((r) => r.key.row.startsWith('a:'))
        .map((r) => [r.key.row.slice(2), r.value as StoredAnswer]),
    );
    storedAnswers += stored.size;
    const pupils = k < closedClasses ? closedPupils : openPupils;
    for (const p of pupils.filter((q) => q.k === k && q.acked !== undefined)) {
      if (stored.get(pseudonyms.pseudonymOf(benchTenantId, p.userId))?.points.mood !== p.acked) {
        lost++;
      }
    }
    const recount = [...stored.values()].reduce(
      (a, answer) => applyAnswer(a, answer, 1),
      emptyAggregate(template),
    );
    // The counts as staff will get them: every instance's counts row, merged (decision 031).
    const aggregate = await new CheckinStore(store).aggregate(benchTenantId, checkinOf.get(k)!);
    if (JSON.stringify(aggregate) !== JSON.stringify(recount)) aggregateMismatches++;
  }
  const acked = closedTally.acked + openTally.acked;
  const refused = closedTally.refused + openTally.refused;
  log(
    `stored: ${storedAnswers} answer rows in ${allClasses} check-ins; acknowledged ${acked} answers ` +
      `(${refused} not acknowledged); lost ${lost}; aggregates ≠ recount: ${aggregateMismatches}`,
  );
  for (const r of refusals) log(`not acknowledged: ${r}`);

  console.log(
    JSON.stringify({
      bench: 'checkins',
      concurrency,
      answers,
      rps: Math.round(rps),
      floorRps: Math.round(floorRps),
      ratio: Number((rps / floorRps).toFixed(3)),
      openLoopRps: rate,
      p50ms: Number(p50.toFixed(1)),
      p99ms: Number(p99.toFixed(1)),
      rssMB: Number(rssMB.toFixed(1)),
      floorRssMB: Number(floorRssMB.toFixed(1)),
      lost,
    }),
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
