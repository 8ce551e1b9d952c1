/**
 * `npm run bench:talk`: how long a pupil's "I'd like to talk to someone" takes to reach the DSL
 * and deputy while the school's outbox is busy (issue 17; target p99 under 5 s).
 *
 * A post to N class channels goes into the outbox as N occurrences (the shape the scheduler
 * makes), and the real delivery engine, already running and the school's sender, sends it to the
 * fake Teams connector, which enforces Teams' limits and injects 429s and 5xx. While it runs, talk
 * requests are enqueued through a second DeliveryStore on its own connection to the same store,
 * as another server instance would (no poke, unless --poke): each an urgent occurrence with two
 * personal-chat deliveries, one to the DSL and one to the deputy. Time is measured from the start
 * of each outbox write to the connector receiving the post: what the support service does before
 * that after the tap (recording the request, the audit entry, building the card) is not in it.
 * Each run is done twice, without and with talk requests (in turn first), to show what they cost
 * the fan-out. The engine runs with production settings (poll 500 ms, urgent poll 500 ms, lease
 * 10 s, margin 20 ms).
 *
 * Options: --n 1000 --talks 20 --runs 1 --rps 50 --p429 0.1 --p5xx 0.02 --seed <n> (default
 *   random, printed) --concurrency 8 (fan-out enqueues at once) --poke (the talk enqueuer pokes
 *   the engine, as it can when it is the same process)
 * Last line per run: {"bench":"talk",…}
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { FanOutItem } from '../core/stores/delivery-store.js';
import { DeliveryStore } from '../core/stores/delivery-store.js';
import { LeaseStore } from '../core/stores/lease-store.js';
import { silentLogger } from '../core/ports/logger.js';
import { systemClock } from '../core/ports/directory.js';
import { ConnectorSender } from '../server/delivery/connector-sender.js';
import { DeliveryEngine } from '../server/delivery/engine.js';
import { AzureTableStore } from '../server/storage/azure-table-store.js';
import { startAzurite } from '../tests/support/azurite.js';
import { channelFanOut } from '../tests/support/fan-out.js';
import { percentile } from './support/load.js';
import { startArrivalsConnector } from './support/arrivals-connector.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    talks: { type: 'string', default: '20' },
    runs: { type: 'string', default: '1' },
    rps: { type: 'string', default: '50' },
    p429: { type: 'string', default: '0.1' },
    p5xx: { type: 'string', default: '0.02' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    poke: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const talks = Number(values.talks);
const tenantRps = Number(values.rps);
const concurrency = Number(values.concurrency);
const tenant = '00000000-0000-0000-0000-0000000b7a1c';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The chat a talk message went to (`talk-3/dsl` → `a:personal-dsl`). */
const conversationOf = (deliveryId: string) => `a:personal-${deliveryId.split('/')[1]}`;

/** The DSL's and the deputy's personal chats with the bot: every talk request goes to both. */
function talkItems(serviceUrl: string, i: number): FanOutItem[] {
  return ['dsl', 'deputy'].map((who) => ({
    targetKey: who,
    target: { kind: 'conversation', conversationId: `a:personal-${who}`, serviceUrl },
    content: { text: `A pupil would like to talk to someone (bench request ${i})` },
  }));
}

interface RunResult {
  fanOutSeconds: number;
  /** How long putting the fan-out in the outbox took (the scheduler's part). */
  enqueueSeconds: number;
  talkMs: number[];
  enqueueMs: number[];
  /** The slowest talk message: its id, and each attempt's time after the tap and outcome. */
  slowest?: { id: string; ms: number; attempts: string; chat: string };
  lost: number;
  duplicates: number;
  violations: { conversation: number; tenant: number };
}

async function run(connectionString: string, seed: number, withTalks: number): Promise<RunResult> {
  const connector = await startArrivalsConnector({
    seed,
    rate429: Number(values.p429),
    rate5xx: Number(values.p5xx),
    limits: { tenantRps },
  });
  const sender = new ConnectorSender();
  const tries = new Map<string, { at: number; outcome: string }[]>();
  try {
    const prefix = `talk${randomBytes(4).toString('hex')}`;
    const store = await AzureTableStore.open(
      { kind: 'connectionString', connectionString },
      prefix,
    );
    const deliveries = new DeliveryStore(store);
    // Production settings (server/services.ts): poll, urgent poll, lease and margin by default.
    const engine = new DeliveryEngine({
      deliveries,
      leases: new LeaseStore(store),
      // Records each attempt at a talk message, to say where the slowest one's time went.
      sender: {
        send: async (tenantId, delivery, hooks) => {
          const at = Date.now();
          const result = await sender.send(tenantId, delivery, hooks);
          if (delivery.urgent) {
            const outcome = result.ok ? 'ok' : String(result.status ?? 'network');
            tries.set(delivery.id, [...(tries.get(delivery.id) ?? []), { at, outcome }]);
          }
          return result;
        },
      },
      clock: systemClock,
      log: silentLogger,
      tenants: [tenant],
      tenantRps,
    });
    // The other instance: its own store client, no way to poke the sender.
    const other = new DeliveryStore(
      await AzureTableStore.open({ kind: 'connectionString', connectionString }, prefix),
    );
    engine.start();
    const lease = { tenantId: tenant, partition: 'lease', row: 'delivery-sender' };
    while ((await store.get<{ owner: string }>('leases', lease))?.value.owner !== engine.owner)
      await sleep(50);
    await sleep(500);

    const posts = channelFanOut(n, connector.url, 'class');
    const started = Date.now();
    // The scheduler's shape: one occurrence per class, a few enqueued at a time.
    let next = 0;
    let enqueued = 0;
    const fanOut = Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < n; i = next++)
          await deliveries.enqueue(
            tenant,
            { id: `post-${i}`, label: `Prompt — class ${i}`, teamId: `team-${i}` },
            [posts[i]!],
            new Date(),
          );
      }),
    ).then(() => (enqueued = Date.now()));
    // Talk requests spread over the fan-out's floor (n / rps seconds), the first a second in.
    const tapped = new Map<string, number>();
    const enqueueMs: number[] = [];
    const spacing = (n / tenantRps / Math.max(1, withTalks)) * 1_000;
    const requests = Promise.all(
      Array.from({ length: withTalks }, async (_, i) => {
        await sleep(1_000 + i * spacing);
        const tap = Date.now();
        for (const item of talkItems(connector.url, i))
          tapped.set(`talk-${i}/${item.targetKey}`, tap);
        await other.enqueue(
          tenant,
          { id: `talk-${i}`, label: 'Talk request', urgent: true },
          talkItems(connector.url, i),
          new Date(),
        );
        enqueueMs.push(Date.now() - tap);
        if (values.poke) engine.poke();
      }),
    );
    await Promise.all([fanOut, requests]);

    const expected = n + withTalks * 2;
    let arrivals = await connector.arrivals();
    while (new Set(arrivals.posts.map((p) => p.id)).size < expected) {
      await sleep(500);
      arrivals = await connector.arrivals();
    }
    await engine.stop();
    arrivals = await connector.arrivals();
    const firstArrival = new Map<string, number>();
    for (const p of arrivals.posts)
      if (p.id !== undefined && !firstArrival.has(p.id)) firstArrival.set(p.id, p.at);
    const fanOutAt = arrivals.posts.filter((p) => p.id?.startsWith('post-')).map((p) => p.at);
    const talk = [...tapped].map(([id, tap]) => ({ id, tap, ms: firstArrival.get(id)! - tap }));
    const slowest = [...talk].sort((x, y) => y.ms - x.ms)[0];
    return {
      fanOutSeconds: (Math.max(...fanOutAt) - started) / 1_000,
      enqueueSeconds: (enqueued - started) / 1_000,
      talkMs: talk.map((t) => t.ms),
      ...(slowest
        ? {
            slowest: {
              id: slowest.id,
              ms: slowest.ms,
              attempts: (tries.get(slowest.id) ?? [])
                .map((t) => `+${t.at - slowest.tap} ms ${t.outcome}`)
                .join(', '),
              // What the connector did with every request to that chat meanwhile: injected
              // faults, or Teams' limits (limited-*).
              chat: arrivals.chats
                .filter(
                  (c) =>
                    c.conversation === conversationOf(slowest.id) &&
                    c.at >= slowest.tap &&
                    c.at <= slowest.tap + slowest.ms,
                )
                .map((c) => `+${c.at - slowest.tap} ms ${c.outcome}`)
                .join(', '),
            },
          }
        : {}),
      enqueueMs,
      lost: expected - firstArrival.size,
      duplicates: arrivals.duplicates,
      violations: arrivals.violations,
    };
  } finally {
    sender.close();
    await connector.close();
  }
}

const azurite = await startAzurite();
const allTalkMs: number[] = [];
try {
  for (let r = 0; r < Number(values.runs); r++) {
    const seed =
      values.seed === undefined ? randomBytes(4).readUInt32LE() : Number(values.seed) + r;
    // In turn first: the store holds more the second time.
    const cs = azurite.connectionString;
    let without: RunResult;
    let withTalk: RunResult;
    if (r % 2 === 0) {
      without = await run(cs, seed, 0);
      withTalk = await run(cs, seed, talks);
    } else {
      withTalk = await run(cs, seed, talks);
      without = await run(cs, seed, 0);
    }
    const ms = (v: number) => Math.round(v);
    const t = withTalk.talkMs;
    allTalkMs.push(...t);
    console.log(
      `seed ${seed}: fan-out of ${n} occurrences ${without.fanOutSeconds.toFixed(2)} s alone, ${withTalk.fanOutSeconds.toFixed(2)} s with ${talks} talk requests ` +
        `(put in the outbox in ${without.enqueueSeconds.toFixed(1)} s and ${withTalk.enqueueSeconds.toFixed(1)} s); ` +
        `talk messages tap→connector p50 ${ms(percentile(t, 50))} ms, p99 ${ms(percentile(t, 99))} ms, max ${ms(Math.max(...t))} ms ` +
        `(enqueue p50 ${ms(percentile(withTalk.enqueueMs, 50))} ms, max ${ms(Math.max(...withTalk.enqueueMs))} ms); ` +
        `lost ${without.lost}+${withTalk.lost}, duplicates ${without.duplicates}+${withTalk.duplicates}, violations (conversation/tenant) ${without.violations.conversation}/${without.violations.tenant}+${withTalk.violations.conversation}/${withTalk.violations.tenant}`,
    );
    if (withTalk.slowest)
      console.log(
        `  slowest: ${withTalk.slowest.id} ${withTalk.slowest.ms} ms; sent at ${withTalk.slowest.attempts}; its chat at the connector: ${withTalk.slowest.chat}`,
      );
    console.log(
      JSON.stringify({
        bench: 'talk',
        n,
        talks,
        tenantRps,
        seed,
        poke: values.poke,
        fanOutSecondsAlone: Number(without.fanOutSeconds.toFixed(2)),
        fanOutSecondsWithTalks: Number(withTalk.fanOutSeconds.toFixed(2)),
        talkP50Ms: ms(percentile(t, 50)),
        talkP99Ms: ms(percentile(t, 99)),
        talkMaxMs: ms(Math.max(...t)),
        lost: without.lost + withTalk.lost,
        duplicates: without.duplicates + withTalk.duplicates,
        violations: [without, withTalk].reduce(
          (sum, r) => sum + r.violations.conversation + r.violations.tenant,
          0,
        ),
      }),
    );
  }
  if (Number(values.runs) > 1)
    console.log(
      `all ${values.runs} runs, ${allTalkMs.length} talk messages: p50 ${Math.round(percentile(allTalkMs, 50))} ms, p99 ${Math.round(percentile(allTalkMs, 99))} ms, max ${Math.round(Math.max(...allTalkMs))} ms`,
    );
} finally {
  await azurite.stop();
}
