import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery, DeliveryTarget } from '../../core/delivery/delivery.js';
import { ConnectorSender } from './connector-sender.js';
import { wallMs } from '../../core/testing/wall-clock.js';

interface Seen {
  method: string;
  url: string;
  body: unknown;
  socket: number;
}

/** A stand-in connector: answers with `reply`, records each request and the socket it came on. */
async function connector(reply: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const sockets = new Map<object, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        socket: sockets.get(req.socket) ?? -1,
      });
      reply(req, res);
    });
  });
  server.on('connection', (socket) => sockets.set(socket, sockets.size));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function channel(serviceUrl: string): DeliveryTarget {
  return {
    kind: 'channel',
    teamId: '19:t1@thread.tacv2',
    channelId: '19:c1@thread.tacv2',
    serviceUrl,
  };
}

function delivery(target: DeliveryTarget): Delivery {
  return {
    id: 'd1',
    occurrenceId: 'o1',
    targetKey: '19:c1@thread.tacv2',
    target,
    content: { text: 'Hello' },
    status: 'sending',
    attempts: 1,
    notBefore: new Date(0).toISOString(),
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(0).toISOString(),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('ConnectorSender', () => {
  it('posts a channel thread once, says when it was written, and keeps the connection', async () => {
    const fake = await connector((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: '19:c1@thread.tacv2;messageid=42', activityId: '42' }));
    });
    const sender = new ConnectorSender();
    cleanups.push(fake.close, () => sender.close());

    const written: number[] = [];
    const first = await sender.send('tenant-1', delivery(channel(fake.url)), {
      onWritten: () => written.push(wallMs()),
    });
    expect(first).toEqual({
      ok: true,
      conversationId: '19:c1@thread.tacv2;messageid=42',
      activityId: '42',
    });
    // Told once per request, on a new connection and on the kept one.
    expect(written).toHaveLength(1);

    await sender.send('tenant-1', delivery(channel(fake.url)), {
      onWritten: () => written.push(wallMs()),
    });
    expect(written).toHaveLength(2);
    expect(fake.seen.map((s) => s.socket)).toEqual([0, 0]);
    expect(fake.seen[0]).toMatchObject({
      method: 'POST',
      url: '/v3/conversations',
      body: {
        isGroup: true,
        channelData: { channel: { id: '19:c1@thread.tacv2' }, tenant: { id: 'tenant-1' } },
        activity: { type: 'message', text: 'Hello', channelData: { belongDeliveryId: 'd1' } },
      },
    });
  });

  it('updates a card in place with PUT on the stored activity id', async () => {
    const fake = await connector((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"42"}');
    });
    const sender = new ConnectorSender();
    cleanups.push(fake.close, () => sender.close());
    const result = await sender.send(
      'tenant-1',
      delivery({
        kind: 'update',
        conversationId: '19:c1;messageid=42',
        activityId: '42',
        serviceUrl: fake.url,
      }),
    );
    expect(result).toEqual({ ok: true, conversationId: '19:c1;messageid=42', activityId: '42' });
    expect(fake.seen[0]).toMatchObject({
      method: 'PUT',
      url: '/v3/conversations/19%3Ac1%3Bmessageid%3D42/activities/42',
    });
  });

  it('reports a refusal with its status, code and Retry-After', async () => {
    const fake = await connector((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }));
    });
    const sender = new ConnectorSender();
    cleanups.push(fake.close, () => sender.close());
    expect(await sender.send('tenant-1', delivery(channel(fake.url)))).toEqual({
      ok: false,
      status: 429,
      code: 'TooManyRequests',
      retryAfter: '2',
    });
  });

  it('turns a reply that never comes, or no connector at all, into a network error', async () => {
    const fake = await connector(() => undefined); // never answers
    const sender = new ConnectorSender({ timeoutMs: 200 });
    cleanups.push(fake.close, () => sender.close());
    let written = 0;
    expect(
      await sender.send('tenant-1', delivery(channel(fake.url)), { onWritten: () => written++ }),
    ).toEqual({ ok: false, networkError: true });
    // It was written (it may have reached Teams), so the engine keeps its booking.
    expect(written).toBe(1);

    // A port nobody listens on: never written.
    const closed = await connector(() => undefined);
    await closed.close();
    let unwritten = 0;
    expect(
      await sender.send('tenant-1', delivery(channel(closed.url)), {
        onWritten: () => unwritten++,
      }),
    ).toEqual({ ok: false, networkError: true });
    expect(unwritten).toBe(0);
  });

  it('reads a half-sent reply that stalls past the deadline as a network error', async () => {
    const fake = await connector((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.write('{"id":'); // and never finishes
    });
    const sender = new ConnectorSender({ timeoutMs: 200 });
    cleanups.push(fake.close, () => sender.close());
    expect(await sender.send('tenant-1', delivery(channel(fake.url)))).toEqual({
      ok: false,
      networkError: true,
    });
  });
});
