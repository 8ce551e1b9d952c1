/**
 * `npm run bench:fanout`: posts one card to N channels through the real delivery engine against
 * the fake Teams connector (which enforces Teams' limits and injects 429s and 5xx), on a real
 * Azurite store. Options: --n 1000 --rps 50 --p429 0.1 --p5xx 0.02 --latency 0
 *   --margin <ms> (default: the engine's) --seed <n> (the fake's fault sequence; default random,
 *   printed, so that runs sample fault patterns rather than repeat one)
 *   By default the clock starts when the engine starts, with the fan-out already in the outbox,
 *   so the time includes becoming the school's sender (lease, reading the outbox's last hour).
 *   --running: the engine is already running and the school's sender, as in production, and the
 *   clock starts when the fan-out starts going into the outbox (the engine finds it there, and is
 *   poked at the end, as the scheduler does).
 * Last line: {"bench":"fanout","n":…,"tenantRps":…,"floorSeconds":…,"seconds":…,"ratio":…,"lost":…,"duplicates":…,"violations":…}
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { defaultMarginMs } from '../server/delivery/engine.js';
import { AzureTableStore } from '../server/storage/azure-table-store.js';
import { startAzurite } from '../tests/support/azurite.js';
import { startFakeTeamsProcess } from '../tests/support/fake-teams-process.js';
import { channelFanOut, localEngine } from '../tests/support/fan-out.js';

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
  },
});
const n = Number(values.n);
const tenantRps = Number(values.rps);
const tenant = '00000000-0000-0000-0000-0000000b3e4c';
const seed = values.seed === undefined ? randomBytes(4).readUInt32LE() : Number(values.seed);
const marginMs = values.margin === undefined ? undefined : Number(values.margin);

const azurite = await startAzurite();
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
  const { deliveries, engine } = localEngine(store, tenant, tenantRps, marginMs);
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
  await deliveries.enqueue(
    tenant,
    { id: 'bench-occurrence', label: 'Benchmark fan-out' },
    items,
    new Date(),
  );
  const enqueueMs = Date.now() - enqueueStarted;

  const started = values.running ? enqueueStarted : Date.now();
  if (values.running) engine.poke();
  else engine.start();
  for (;;) {
    const progress = await deliveries.progress(tenant, 'bench-occurrence');
    if (progress?.finished) break;
    // Reading progress lists the whole fan-out: not too often, or the bench measures itself.
    await new Promise((r) => setTimeout(r, 1000));
  }
  await engine.stop();
  const stats = await connector.stats();
  // The run ends when the last post was accepted (the progress poll may notice up to a second later).
  const seconds = ((stats.lastAcceptedAt ?? Date.now()) - started) / 1000;
  const lost = items.filter((i) => !stats.counts[i.targetKey]).length;
  const violations = stats.violations;
  const floorSeconds = n / tenantRps;
  const progress = await deliveries.progress(tenant, 'bench-occurrence');
  const firstRequestMs = ((await connector.log())[0]?.at ?? Number.NaN) - started;
  console.log(
    `${values.running ? 'engine already running; clock from the start of filling the outbox' : 'clock from engine start; outbox filled before'} (in ${enqueueMs} ms); first request ${firstRequestMs} ms after the clock started`,
  );
  console.log(
    `seed ${seed}, margin ${marginMs ?? defaultMarginMs} ms: sent ${progress!.counts.sent}, failed ${progress!.counts.failed}, removed ${progress!.counts.removed}; requests ${stats.requests}`,
  );
  console.log(
    JSON.stringify({
      bench: 'fanout',
      n,
      tenantRps,
      floorSeconds,
      seconds: Number(seconds.toFixed(2)),
      ratio: Number((seconds / floorSeconds).toFixed(3)),
      lost,
      duplicates: stats.duplicates,
      violations: violations.conversation + violations.tenant,
    }),
  );
} finally {
  await connector.close();
  await azurite.stop();
}
