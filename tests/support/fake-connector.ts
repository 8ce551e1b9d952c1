/**
 * A fake Bot Framework connector (the Teams side of proactive and reply traffic): an HTTP server
 * that records every activity the bot sends and answers like the real service. Point an
 * activity's serviceUrl at it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeConnector {
  url: string;
  calls: RecordedCall[];
  /** Activities sent into conversations (replies and new posts). */
  sent(): { conversationId: string; activity: Record<string, unknown> }[];
  /** Channels returned by GET /v3/teams/{id}/conversations. */
  channels: { id: string; name?: string }[];
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: RecordedCall[] = [];
  let next = 0;
  const state = { channels: [] as { id: string; name?: string }[] };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const path = decodeURI(req.url ?? '');
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      calls.push({ method: req.method ?? '', path, body });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && /^\/v3\/teams\/[^/]+\/conversations/.test(path)) {
        res.end(JSON.stringify({ conversations: state.channels }));
      } else if (req.method === 'POST' && path === '/v3/conversations') {
        res.end(JSON.stringify({ id: `conv-${++next}`, activityId: `act-${next}` }));
      } else if (req.method === 'POST' || req.method === 'PUT') {
        res.end(JSON.stringify({ id: `act-${++next}` }));
      } else {
        res.statusCode = 404;
        res.end(
          JSON.stringify({ error: { code: 'NotFound', message: 'fake connector: no such route' } }),
        );
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get channels() {
      return state.channels;
    },
    set channels(v) {
      state.channels = v;
    },
    sent: () =>
      calls
        .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/.+\/activities/.test(c.path))
        .map((c) => ({
          conversationId: /^\/v3\/conversations\/([^/]+)\//.exec(c.path)![1]!,
          activity: c.body as Record<string, unknown>,
        })),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
