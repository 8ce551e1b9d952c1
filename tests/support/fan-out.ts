import { silentLogger } from '../../core/ports/logger.js';
import type { TableStore } from '../../core/ports/table-store.js';
import type { DeliveryContent } from '../../core/delivery/delivery.js';
import { DeliveryStore, type FanOutItem } from '../../core/stores/delivery-store.js';
import { LeaseStore } from '../../core/stores/lease-store.js';
import { ConnectorSender } from '../../server/delivery/connector-sender.js';
import { DeliveryEngine, type EngineOptions } from '../../server/delivery/engine.js';
import { wallClock, wallMs } from '../../core/testing/wall-clock.js';

/** N channel targets on one serviceUrl, each a distinct class channel. */
export function channelFanOut(
  n: number,
  serviceUrl: string,
  prefix = 'ch',
  content: (i: number) => DeliveryContent = (i) => ({ text: `Good morning (${i})` }),
): FanOutItem[] {
  return Array.from({ length: n }, (_, i) => ({
    targetKey: `19:${prefix}-${i}@thread.tacv2`,
    target: {
      kind: 'channel',
      teamId: `19:${prefix}-team-${i}@thread.tacv2`,
      channelId: `19:${prefix}-${i}@thread.tacv2`,
      serviceUrl,
    },
    content: content(i),
  }));
}

/**
 * The real engine in this process for one tenant, sending with fetch (no auth, as locally).
 * Tests pass a wider margin than the default: while they run, two browsers, servers and Azurite
 * share two cores, and requests reach the fake connector later and more unevenly than they reach
 * Teams from a server.
 */
export function localEngine(
  store: TableStore,
  tenant: string,
  tenantRps: number,
  marginMs?: number,
  /** Anything else for the engine (a logger, a shorter lease or claim). */
  extra: Partial<EngineOptions> = {},
) {
  const deliveries = new DeliveryStore(store);
  const engine = new DeliveryEngine({
    deliveries,
    leases: new LeaseStore(store),
    sender: new ConnectorSender(),
    clock: wallClock,
    log: silentLogger,
    tenants: [tenant],
    tenantRps,
    pollMs: 100,
    ...(marginMs !== undefined ? { marginMs } : {}),
    ...extra,
  });
  return { deliveries, engine };
}

/**
 * Puts `items` in the outbox the way the product does when posting to N classes: N occurrences
 * of one delivery each (`occurrences`), or as one occurrence of N deliveries (`deliveries`). The
 * occurrence ids, for progress.
 */
export async function enqueueShaped(
  deliveries: DeliveryStore,
  tenant: string,
  shape: 'occurrences' | 'deliveries',
  items: FanOutItem[],
  now: Date,
  prefix = 'occ',
): Promise<string[]> {
  if (shape === 'deliveries') {
    await deliveries.enqueue(tenant, { id: prefix, label: 'Fan-out' }, items, now);
    return [prefix];
  }
  const ids = items.map((_, i) => `${prefix}-${i}`);
  // A few classes at a time, as a post to every class does.
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await deliveries.enqueue(tenant, { id: ids[i]!, label: `Class ${i}` }, [items[i]!], now);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}

/** A logger that counts events (no fields kept: they could hold nothing personal anyway). */
export function countingLogger() {
  const counts = new Map<string, number>();
  const events: { event: string; at: number; ms?: number }[] = [];
  const note = (event: string, fields?: { ms?: number }) => {
    counts.set(event, (counts.get(event) ?? 0) + 1);
    events.push({ event, at: wallMs(), ...(fields?.ms !== undefined ? { ms: fields.ms } : {}) });
  };
  return {
    counts,
    events,
    log: { debug: note, info: note, warn: note, error: note },
  };
}
