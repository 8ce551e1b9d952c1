/**
 * The fake Teams connector in a process of its own, as tests/support/fake-teams-server.ts, with
 * one more report for bench:talk: when each accepted post arrived, by delivery id
 * (`channelData.belongDeliveryId`). Options come as JSON in argv[2]; prints
 * "READY <connectorUrl> <controlUrl>".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startFakeTeamsConnector,
  type FakeTeamsOptions,
} from '../../tests/support/fake-teams-connector.js';

const options = JSON.parse(process.argv[2] ?? '{}') as FakeTeamsOptions;
const fake = await startFakeTeamsConnector(options);
const control = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.url === '/arrivals') {
    res.end(
      JSON.stringify({
        posts: fake
          .posts()
          .map((p) => ({ id: p.clientRef, conversation: p.conversation, at: p.at })),
        // Every request to a personal chat, whatever came of it (the bench's talk messages).
        chats: fake
          .log()
          .filter((e) => e.conversation?.startsWith('a:'))
          .map((e) => ({ conversation: e.conversation, at: e.at, outcome: e.outcome })),
        duplicates: fake.duplicates(),
        violations: fake.violations(),
        requests: fake.requests(),
      }),
    );
  } else {
    res.statusCode = 404;
    res.end('{}');
  }
});
control.listen(0, '127.0.0.1', () => {
  const { port } = control.address() as AddressInfo;
  console.log(`READY ${fake.url} http://127.0.0.1:${port}`);
});
const stop = () => {
  void fake.close().finally(() => control.close(() => process.exit(0)));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
