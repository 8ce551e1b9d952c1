/**
 * Sends deliveries straight to the Bot Framework connector with fetch. Not through botbuilder:
 * its HTTP pipeline retries by itself (and turns a lost response into a duplicate post), while
 * the delivery engine must own every retry. Each call is exactly one HTTP request.
 */
import type { Delivery } from '../../core/delivery/delivery.js';
import type { Sender, SendResult } from '../../core/ports/sender.js';

export interface ConnectorSenderOptions {
  /** Bearer token for the connector; undefined locally (Agents Playground, fake connector). */
  token?: () => Promise<string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class ConnectorSender implements Sender {
  constructor(private readonly options: ConnectorSenderOptions = {}) {}

  async send(tenantId: string, delivery: Delivery): Promise<SendResult> {
    const target = delivery.target;
    const base = target.serviceUrl.replace(/\/+$/, '');
    const activity = {
      type: 'message',
      ...delivery.content,
      // Lets anyone reading the conversation (and the fake connector) tie a post to its delivery.
      channelData: {
        ...((delivery.content.channelData as Record<string, unknown> | undefined) ?? {}),
        belongDeliveryId: delivery.id,
      },
    };
    let method = 'POST';
    let url: string;
    let body: unknown;
    switch (target.kind) {
      case 'channel':
        url = `${base}/v3/conversations`;
        body = {
          isGroup: true,
          channelData: { channel: { id: target.channelId }, tenant: { id: tenantId } },
          activity,
          tenantId,
        };
        break;
      case 'conversation':
        url = `${base}/v3/conversations/${encodeURIComponent(target.conversationId)}/activities`;
        body = activity;
        break;
      case 'update':
        method = 'PUT';
        url = `${base}/v3/conversations/${encodeURIComponent(target.conversationId)}/activities/${encodeURIComponent(target.activityId)}`;
        body = { ...activity, id: target.activityId };
        break;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // One deadline for the token and the request: the engine relies on a send ending in time.
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 5_000);
    try {
      if (this.options.token) {
        headers.authorization = `Bearer ${await Promise.race([this.options.token(), aborted(signal)])}`;
      }
      const res = await (this.options.fetch ?? fetch)(url, {
        method,
        headers,
        body: JSON.stringify(body),
        signal,
      });
      const text = await res.text();
      const json = text
        ? (safeJson(text) as { id?: string; activityId?: string; error?: { code?: string } })
        : {};
      if (res.ok) {
        if (target.kind === 'channel') {
          return {
            ok: true,
            conversationId: json?.id,
            activityId: json?.activityId ?? json?.id?.split('messageid=')[1],
          };
        }
        return {
          ok: true,
          conversationId: target.conversationId,
          activityId: json?.id ?? (target.kind === 'update' ? target.activityId : undefined),
        };
      }
      return {
        ok: false,
        status: res.status,
        code: json?.error?.code,
        retryAfter: res.headers.get('retry-after'),
      };
    } catch {
      // Timeouts and dropped connections: the post may or may not have been accepted.
      return { ok: false, networkError: true };
    }
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
