/**
 * `npm run bench:takeover`: how long a post to N classes stops when its sender dies (issue 21,
 * item 6). Two real server processes on one Azurite store, against the fake Teams connector
 * (10 % 429, 2 % 5xx): the first becomes the school's sender and starts a post to N classes (N
 * occurrences of one delivery); once `--after` posts were accepted it is killed with SIGKILL, and
 * the second takes over. Reports how long after the kill the next post arrived, and how much of
 * that was the dead sender's lease still running (the target: the next post within the lease
 * time plus 2 s, which includes reading the outbox's last hour). Options: --n 1000 --after 300
 * --lease 10000 --seed 7 --runs 1
 * Last line per run: {"bench":"takeover","n":…,"leaseMs":…,"leaseLeftMs":…,"gapMs":…,"afterLeaseMs":…,"lost":…,"duplicates":…}
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DeliveryStore } from '../core/stores/delivery-store.js';
import { demoSchool } from '../server/demo/demo-school.js';
import { AzureTableStore } from '../server/storage/azure-table-store.js';
import { startAzurite } from '../tests/support/azurite.js';
import { startFakeTeamsProcess } from '../tests/support/fake-teams-process.js';
import { channelFanOut, enqueueShaped } from '../tests/support/fan-out.js';
import { startServerProcess } from '../tests/support/stack.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    after: { type: 'string', default: '300' },
    lease: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
    runs: { type: 'string', default: '1' },
  },
});
const n = Number(values.n);
const leaseMs = Number(values.lease);
const tenant = demoSchool.tenantId;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const azurite = await startAzurite();
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const connector = await startFakeTeamsProcess({
      seed: Number(values.seed) + run,
      rate429: 0.1,
      rate5xx: 0.02,
    });
    const tablePrefix = `take${randomBytes(4).toString('hex')}`;
    const store = await AzureTableStore.open(
      { kind: 'connectionString', connectionString: azurite.connectionString },
      tablePrefix,
    );
    const env = {
      DELIVERY_WORKER: 'true',
      DELIVERY_LEASE_MS: String(leaseMs),
      TENANT_RPS: '50',
      DEMO_SEED: 'false',
    };
    const start = () =>
      startServerProcess({ connectionString: azurite.connectionString, tablePrefix, env });
    const lease = { tenantId: tenant, partition: 'lease', row: 'delivery-sender' };
    const leaseRow = () => store.get<{ owner: string; until: number }>('leases', lease);
    const first = await start();
    while (!(await leaseRow())) await sleep(50);
    const second = await start();
    try {
      const deliveries = new DeliveryStore(store);
      const items = channelFanOut(n, connector.url, `take${run}`);
      const ids = await enqueueShaped(deliveries, tenant, 'occurrences', items, new Date(), 'k');
      while ((await connector.stats()).posts < Number(values.after)) await sleep(10);
      const before = await leaseRow();
      await first.child.stop('SIGKILL');
      const killedAt = Date.now();
      const leaseLeftMs = (before?.value.until ?? killedAt) - killedAt;
      // The next post the fake accepted after the kill (a request written just before it may
      // still land in the first few milliseconds: those are the dead sender's).
      let next: number | undefined;
      while (next === undefined) {
        await sleep(100);
        next = (await connector.log()).find(
          (r) => r.at > killedAt + 50 && r.outcome === 'accepted',
        )?.at;
      }
      for (;;) {
        const { counts } = await connector.stats();
        if (items.every((i) => counts[i.targetKey])) break;
        await sleep(500);
      }
      let open = 1;
      while (open > 0) {
        open = 0;
        for (const id of ids) if (!(await deliveries.progress(tenant, id))?.finished) open++;
        if (open > 0) await sleep(1000);
      }
      const stats = await connector.stats();
      const gapMs = next - killedAt;
      console.log(
        JSON.stringify({
          bench: 'takeover',
          n,
          leaseMs,
          leaseLeftMs,
          gapMs,
          afterLeaseMs: gapMs - leaseLeftMs,
          lost: items.filter((i) => !stats.counts[i.targetKey]).length,
          duplicates: stats.duplicates,
        }),
      );
    } finally {
      await first.child.stop('SIGKILL').catch(() => undefined);
      await second.child.stop('SIGTERM');
      await connector.close();
    }
  }
} finally {
  await azurite.stop();
}
