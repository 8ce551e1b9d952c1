import { silentLogger } from '../../core/ports/logger.js';
import type { TableStore } from '../../core/ports/table-store.js';
import type { DeliveryContent } from '../../core/delivery/delivery.js';
import { DeliveryStore, type FanOutItem } from '../../core/stores/delivery-store.js';
import { LeaseStore } from '../../core/stores/lease-store.js';
import { ConnectorSender } from '../../server/delivery/connector-sender.js';
import { DeliveryEngine } from '../../server/delivery/engine.js';
import { wallClock } from '../../core/testing/wall-clock.js';

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
  });
  return { deliveries, engine };
}
