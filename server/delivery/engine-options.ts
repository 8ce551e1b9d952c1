/** What the delivery engine is given (engine.ts); the composition root builds it from config. */
import type { Clock } from '../../core/ports/directory.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Sender } from '../../core/ports/sender.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import type { LeaseStore } from '../../core/stores/lease-store.js';

export interface EngineOptions {
  deliveries: DeliveryStore;
  leases: LeaseStore;
  sender: Sender;
  clock: Clock;
  log: Logger;
  /** Tenants this deployment serves. */
  tenants: string[];
  tenantRps: number;
  owner?: string;
  pollMs?: number;
  leaseTtlMs?: number;
  claimTtlMs?: number;
  maxInFlight?: number;
  maxAttempts?: number;
  /** Added to every Teams window (decision 006). */
  marginMs?: number;
  /** A send must finish this long before the tenant lease could run out. */
  requestTimeoutMs?: number;
  /**
   * How often the sender reads the outbox's urgent list (safeguarding messages, decision 020),
   * apart from the main scan. Default 500 ms.
   */
  urgentPollMs?: number;
  /** A store call pending this long closes the fence: nothing new is sent (decision 030). */
  storeStallMs?: number;
}
