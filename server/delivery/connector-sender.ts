/**
 * Sends deliveries straight to the Bot Framework connector. Not through botbuilder: its HTTP
 * pipeline retries by itself (and turns a lost response into a duplicate post), while the delivery
 * engine must own every retry. Each call is exactly one HTTP request.
 *
 * Node's http client rather than fetch: it says when a request has been written (`finish`), which
 * the engine's rate limiter needs (decision 006), and it keeps its connections open between posts.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { text as readText } from 'node:stream/consumers';
import type { Delivery } from '../../core/delivery/delivery.js';
import type { Sender, SendHooks, SendResult } from '../../core/ports/sender.js';

export interface ConnectorSenderOptions {
  /** Bearer token for the connector; undefined locally (Agents Playground, fake connector). */
  token?: () => Promise<string>;
  timeoutMs?: number;
}

export class ConnectorSender implements Sender {
  // Connections are kept between posts; one idle for 30 s is closed (before the far end does).
  readonly #agents = {
    http: new http.Agent({ keepAlive: true, timeout: 30_000 }),
    https: new https.Agent({ keepAlive: true, timeout: 30_000 }),
  };

  /** Sockets known to have connected. */
  readonly #open = new WeakSet<Socket>();

  constructor(private readonly options: ConnectorSenderOptions = {}) {}

  /** Closes kept connections (a stopping server, the end of a test). */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async send(tenantId: string, delivery: Delivery, hooks: SendHooks = {}): Promise<SendResult> {
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
      const res = await this.#request(url, method, headers, JSON.stringify(body), signal, hooks);
      const text = await readText(res);
      const json = text
        ? (safeJson(text) as { id?: string; activityId?: string; error?: { code?: string } })
        : {};
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
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
        status,
        code: json?.error?.code,
        retryAfter: res.headers['retry-after'] ?? null,
      };
    } catch {
      // Timeouts and dropped connections: the post may or may not have been accepted.
      return { ok: false, networkError: true };
    }
  }

  /** One request; resolves with the response once its headers are in (the body still to read). */
  #request(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
    hooks: SendHooks,
  ): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const u = new URL(url);
      const secure = u.protocol === 'https:';
      const req = (secure ? https : http).request(
        u,
        {
          method,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          agent: secure ? this.#agents.https : this.#agents.http,
          signal,
        },
        resolve,
      );
      req.on('error', reject);
      // Written = handed to the socket ('finish') on a connection that is open: on a new one the
      // bytes wait in the socket until it has connected (and, for https, shaken hands).
      let pending = 2;
      const step = () => {
        if (--pending === 0) hooks.onWritten?.();
      };
      req.on('finish', step);
      req.on('socket', (socket) => {
        if (this.#open.has(socket)) return step();
        socket.once(secure ? 'secureConnect' : 'connect', () => {
          this.#open.add(socket);
          step();
        });
      });
      req.end(body);
    });
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
