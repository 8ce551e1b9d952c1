/**
 * The delivery engine under faults (issue 21), in-process against the fake Teams connector:
 * a tenant-wide 429 pauses the whole tenant for its Retry-After, and a storage outage in the
 * middle of a post (Azurite stopped, then started again on the same port and data) gives no
 * duplicate and loses nothing. Bigger figures: BENCHMARKS.md (bench:fanout-outage).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { startAzurite } from '../support/azurite.js';
import { startFakeTeamsProcess } from '../support/fake-teams-process.js';
import { channelFanOut, countingLogger, enqueueShaped, localEngine } from '../support/fan-out.js';
import { openTestStore, uniquePrefix } from '../support/tables.js';
import { wallClock, wallMs } from '../../core/testing/wall-clock.js';

const tenant = '00000000-0000-0000-0000-00000000fa17';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = wallMs() + timeoutMs;
  while (!(await check())) {
    if (wallMs() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('delivery engine under faults', () => {
  it('a tenant-wide 429 (Teams allows the tenant 20 requests a second, TENANT_RPS is 50) pauses every conversation for its Retry-After', async () => {
    const connector = await startFakeTeamsProcess({ seed: 5, limits: { tenantRps: 20 } });
    cleanups.push(() => connector.close());
    const logger = countingLogger();
    const { deliveries, engine } = localEngine(await openTestStore(), tenant, 50, 100, {
      log: logger.log,
    });
    cleanups.push(() => engine.stop());
    const items = channelFanOut(120, connector.url, 'tw');
    await enqueueShaped(deliveries, tenant, 'deliveries', items, wallClock.now(), 'tw');
    engine.start();
    await until(async () => {
      const { counts } = await connector.stats();
      return items.every((i) => counts[i.targetKey]);
    }, 90_000);
    const pauses = logger.events.filter((e) => e.event === 'delivery.tenant.throttled');
    expect(pauses.length).toBeGreaterThan(0);
    const log = await connector.log();
    // Inside each pause (after the requests already on the wire have landed), nothing arrives.
    for (const p of pauses) {
      const inside = log.filter((r) => r.at > p.at + 50 && r.at < p.at + (p.ms ?? 0) - 50);
      expect(inside).toEqual([]);
    }
    const stats = await connector.stats();
    expect(stats.duplicates).toBe(0);
    expect(stats.violations.conversation).toBe(0);
  }, 120_000);

  it('Azurite stopped for 6 s in the middle of a 150-class post (claims last 4 s): every class gets one post, none twice, and sending resumes by itself', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'belong-outage-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let azurite = await startAzurite({ location: dir });
    cleanups.push(() => azurite.stop());
    const store = await AzureTableStore.open(
      { kind: 'connectionString', connectionString: azurite.connectionString },
      uniquePrefix(),
    );
    const connector = await startFakeTeamsProcess({ seed: 9, rate429: 0.05, rate5xx: 0.02 });
    cleanups.push(() => connector.close());
    const logger = countingLogger();
    const { deliveries, engine } = localEngine(store, tenant, 50, 100, {
      log: logger.log,
      claimTtlMs: 4_000,
    });
    cleanups.push(() => engine.stop());
    const items = channelFanOut(150, connector.url, 'out');
    const ids = await enqueueShaped(deliveries, tenant, 'occurrences', items, wallClock.now(), 'o');
    engine.start();
    await until(async () => (await connector.stats()).posts >= 30);
    await azurite.stop();
    const stoppedAt = wallMs();
    await new Promise((r) => setTimeout(r, 6_000));
    azurite = await startAzurite({ port: azurite.port, location: dir });
    await until(async () => {
      const { counts } = await connector.stats();
      return items.every((i) => counts[i.targetKey]);
    }, 90_000);
    // Every outcome recorded.
    await until(async () => {
      for (const id of ids) if (!(await deliveries.progress(tenant, id))?.finished) return false;
      return true;
    });
    const stats = await connector.stats();
    expect(items.filter((i) => stats.counts[i.targetKey] !== 1)).toEqual([]);
    expect(stats.duplicates).toBe(0);
    // The fence held: within a few seconds of the outage's start nothing more went out.
    const log = await connector.log();
    const during = log.filter((r) => r.at > stoppedAt + 3_000 && r.at < stoppedAt + 6_000);
    expect(during).toEqual([]);
  }, 150_000);
});
