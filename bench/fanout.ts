/**
 * `npm run bench:fanout`: posts one card to N channels through the real delivery engine against
 * the fake Teams connector (which enforces Teams' limits and injects 429s and 5xx), on a real
 * Azurite store. Options: --n 1000 --rps 50 --p429 0.1 --p5xx 0.02 --latency 0
 *   --shape occurrences (default: N occurrences of one delivery each, as posting to N classes
 *   makes) | deliveries (one occurrence of N deliveries, the shape this bench first measured)
 *   --margin <ms> (default: the engine's) --seed <n> (the fake's fault sequence; default random,
 *   printed, so that runs sample fault patterns rather than repeat one)
 *   By default the clock starts when the engine starts, with the fan-out already in the outbox,
 *   so the time includes becoming the school's sender (lease, reading the outbox's last hour).
 *   --outage <s> --outage-after <posts>: Azurite is stopped once that many posts were accepted,
 *   and started again on the same port and data <s> seconds later (issue 21); the run then also
 *   reports how many requests reached the fake while storage was down.
 *   --running: the engine is already running and the school's sender, as in production, and the
 *   clock starts when the fan-out starts going into the outbox (the engine finds it there, and is
 *   poked at the end, as the scheduler does).
 * Last line: {"bench":"fanout","shape":…,"n":…,"tenantRps":…,"floorSeconds":…,"seconds":…,"ratio":…,"lost":…,"duplicates":…,"violations":…}
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMarginMs } from '../server/delivery/engine.js';
import { AzureTableStore } from '../server/storage/azure-table-store.js';
import { startAzurite } from '../tests/support/azurite.js';
import { startFakeTeamsProcess } from '../tests/support/fake-teams-process.js';
import {
  channelFanOut,
  countingLogger,
  enqueueShaped,
  localEngine,
} from '../tests/support/fan-out.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    rps: { type: 'string', default: '50' },
    p429: { type: 'string', default: '0.1' },
    p5xx: { type: 'string', default: '0.02' },
    latency: { type: 'string', default: '0' },
    margin: { type: 'string' },
    seed: { type: 'string' },
    running: { type: 'boolean', default: false },
    shape: { type: 'string', default: 'occurrences' },
    outage: { type: 'string', default: '0' },
    'outage-after': { type: 'string', default: '300' },
  },
});
const n = Number(values.n);
const tenantRps = Number(values.rps);
const tenant = '00000000-0000-0000-0000-0000000b3e4c';
const seed = values.seed === undefined ? randomBytes(4).readUInt32LE() : Number(values.seed);
const marginMs = values.margin === undefined ? undefined : Number(values.margin);
const shape = values.shape === 'deliveries' ? 'deliveries' : 'occurrences';

const outageMs = Number(values.outage) * 1000;
// With an outage, Azurite keeps its data in a folder, to start again with it on the same port.
const dataDir = outageMs > 0 ? await mkdtemp(path.join(tmpdir(), 'bench-fanout-')) : undefined;
let azurite = await startAzurite(dataDir ? { location: dataDir } : {});
const connector = await startFakeTeamsProcess({
  seed,
  rate429: Number(values.p429),
  rate5xx: Number(values.p5xx),
  latencyMs: Number(values.latency),
  limits: { tenantRps },
});
try {
  const store = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: azurite.connectionString },
    `bench${randomBytes(4).toString('hex')}`,
  );
  const logger = countingLogger();
  const { deliveries, engine } = localEngine(store, tenant, tenantRps, marginMs, {
    log: logger.log,
  });
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: 'Good morning, Class! What made you smile this week?',
        wrap: true,
      },
    ],
  };
  const items = channelFanOut(n, connector.url, 'bench', () => ({
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  }));
  if (values.running) {
    engine.start();
    // Running and the school's sender (its first look at the empty outbox done), as in production.
    const lease = { tenantId: tenant, partition: 'lease', row: 'delivery-sender' };
    while ((await store.get<{ owner: string }>('leases', lease))?.value.owner !== engine.owner)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
  }
  const enqueueStarted = Date.now();
  const occurrenceIds = await enqueueShaped(deliveries, tenant, shape, items, new Date(), 'bench');
  const enqueueMs = Date.now() - enqueueStarted;

  const started = values.running ? enqueueStarted : Date.now();
  if (values.running) engine.poke();
  else engine.start();
  let outage: { from: number; to: number } | undefined;
  if (outageMs > 0) {
    while ((await connector.stats()).posts < Number(values['outage-after']))
      await new Promise((r) => setTimeout(r, 20));
    await azurite.stop();
    const from = Date.now();
    await new Promise((r) => setTimeout(r, outageMs));
    azurite = await startAzurite({ port: azurite.port, location: dataDir! });
    outage = { from, to: Date.now() };
  }
  // Done when every channel has its post (the fake's count, so the bench doesn't read the outbox
  // it measures), then the outbox is read once to see every outcome recorded.
  for (;;) {
    const { counts } = await connector.stats();
    if (items.every((i) => counts[i.targetKey])) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const counts = { sent: 0, failed: 0, removed: 0, pending: 0, sending: 0 };
  for (;;) {
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] = 0;
    for (const id of occurrenceIds) {
      const p = await deliveries.progress(tenant, id);
      for (const k of Object.keys(counts) as (keyof typeof counts)[])
        counts[k] += p?.counts[k] ?? 0;
    }
    if (counts.pending + counts.sending === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await engine.stop();
  const stats = await connector.stats();
  // The run ends when the last post was accepted (the progress poll may notice up to a second later).
  const seconds = ((stats.lastAcceptedAt ?? Date.now()) - started) / 1000;
  const lost = items.filter((i) => !stats.counts[i.targetKey]).length;
  const violations = stats.violations;
  const floorSeconds = n / tenantRps;
  const leaseTerms = logger.counts.get('delivery.lease.acquired') ?? 0;
  if (outage) {
    const log = await connector.log();
    const inside = (from: number) => log.filter((r) => r.at > from && r.at < outage.to).length;
    console.log(
      `Azurite down ${((outage.to - outage.from) / 1000).toFixed(1)} s after ${values['outage-after']} posts: requests while down ${inside(outage.from)} (after its first 2 s: ${inside(outage.from + 2_000)}); outcome writes retried ${logger.counts.get('delivery.record.retry') ?? 0}`,
    );
  }
  const firstRequestMs = ((await connector.log())[0]?.at ?? Number.NaN) - started;
  console.log(
    `${values.running ? 'engine already running; clock from the start of filling the outbox' : 'clock from engine start; outbox filled before'} (in ${enqueueMs} ms); first request ${firstRequestMs} ms after the clock started`,
  );
  console.log(
    `shape ${shape}, seed ${seed}, margin ${marginMs ?? defaultMarginMs} ms: sent ${counts.sent}, failed ${counts.failed}, removed ${counts.removed}; requests ${stats.requests}; tenant pauses ${logger.counts.get('delivery.tenant.throttled') ?? 0}`,
  );
  console.log(
    JSON.stringify({
      bench: 'fanout',
      shape,
      n,
      tenantRps,
      floorSeconds,
      seconds: Number(seconds.toFixed(2)),
      ratio: Number((seconds / floorSeconds).toFixed(3)),
      lost,
      duplicates: stats.duplicates,
      violations: violations.conversation + violations.tenant,
      // Terms as the school's sender after the first: a lease change (no crash in this bench).
      leaseChanges: Math.max(0, leaseTerms - 1),
      ...(outage ? { outageSeconds: Number(((outage.to - outage.from) / 1000).toFixed(1)) } : {}),
    }),
  );
} finally {
  await connector.close();
  await azurite.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
