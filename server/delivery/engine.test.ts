/**
 * The engine's rate windows against when requests are really written (the real store, Teams and
 * failure handling are covered by tests/integration/delivery-*.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../core/delivery/delivery.js';
import { systemClock } from '../../core/ports/directory.js';
import { silentLogger } from '../../core/ports/logger.js';
import type { Sender, SendHooks, SendResult } from '../../core/ports/sender.js';
import { DeliveryStore } from '../../core/stores/delivery-store.js';
import { LeaseStore } from '../../core/stores/lease-store.js';
import { MemoryTableStore } from '../../core/testing/memory-table-store.js';
import { channelFanOut } from '../../tests/support/fan-out.js';
import { DeliveryEngine } from './engine.js';

const tenant = 'tenant-1';

/** Most of `times` in any window [s, s + ms). */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Accepts everything; the first request is written `firstDelayMs` late, like one that waits
 * for a new connection. Records when each request was written (when Teams would count it). */
class LateFirstWriteSender implements Sender {
  readonly written: number[] = [];
  constructor(private readonly firstDelayMs: number) {}

  async send(_tenantId: string, _delivery: Delivery, hooks: SendHooks = {}): Promise<SendResult> {
    if (this.written.length === 0 && this.firstDelayMs > 0) {
      this.written.push(Number.NaN); // taken: later calls are not first
      await new Promise((r) => setTimeout(r, this.firstDelayMs));
      hooks.onWritten?.();
      this.written[0] = Date.now();
    } else {
      hooks.onWritten?.();
      this.written.push(Date.now());
    }
    return { ok: true, activityId: String(this.written.length) };
  }
}

let engine: DeliveryEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

describe('DeliveryEngine rate windows', () => {
  it('counts a request written late when it was written, so the next second does not overfill', async () => {
    const store = new MemoryTableStore();
    const deliveries = new DeliveryStore(store);
    const sender = new LateFirstWriteSender(300);
    engine = new DeliveryEngine({
      deliveries,
      leases: new LeaseStore(store),
      sender,
      clock: systemClock,
      log: silentLogger,
      tenants: [tenant],
      tenantRps: 5,
      marginMs: 5,
      pollMs: 20,
    });
    await deliveries.enqueue(
      tenant,
      { id: 'occ', label: 'Prompt' },
      channelFanOut(15, 'http://connector.invalid'),
      new Date(),
    );
    engine.start();
    const deadline = Date.now() + 20_000;
    while (!(await deliveries.progress(tenant, 'occ'))?.finished) {
      if (Date.now() > deadline) throw new Error('fan-out did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(sender.written).toHaveLength(15);
    // Teams' limit (5 in any second) holds at the moments the requests were written.
    expect(busiest(sender.written, 1_000)).toBe(5);
  });
});
