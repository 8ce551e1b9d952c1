import type { Delivery } from '../delivery/delivery.js';

/** What came back from one attempt to post a delivery to Teams. */
export type SendResult =
  | { ok: true; conversationId?: string; activityId?: string }
  | {
      ok: false;
      status?: number;
      code?: string;
      retryAfter?: string | null;
      networkError?: boolean;
    };

export interface SendHooks {
  /**
   * Called once, when the request has been handed to the operating system. The engine books the
   * request at that moment when it is later than its slot: a request written late (a busy event
   * loop, a new connection) arrives late at Teams too, and bunches with the ones after it.
   */
  onWritten?(): void;
}

/** Posts one delivery to Teams, once: no retries of its own (the delivery engine owns retries). */
export interface Sender {
  send(tenantId: string, delivery: Delivery, hooks?: SendHooks): Promise<SendResult>;
}
