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

/** Posts one delivery to Teams, once: no retries of its own (the delivery engine owns retries). */
export interface Sender {
  send(tenantId: string, delivery: Delivery): Promise<SendResult>;
}
