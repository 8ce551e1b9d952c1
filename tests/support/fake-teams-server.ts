/**
 * The fake Teams connector in a process of its own (like Teams, it is somewhere else): its
 * arrival times then aren't skewed by the work of the process under test. Options come as JSON in
 * argv[2]; a control server reports what it saw. Prints "READY <connectorUrl> <controlUrl>".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeTeamsConnector, type FakeTeamsOptions } from './fake-teams-connector.js';

const options = JSON.parse(process.argv[2] ?? '{}') as FakeTeamsOptions;
const fake = await startFakeTeamsConnector(options);
const control = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.url === '/stats') {
    const posts = fake.posts();
    res.end(
      JSON.stringify({
        counts: Object.fromEntries(fake.countsByConversation()),
        posts: posts.length,
        lastAcceptedAt: posts.length ? Math.max(...posts.map((p) => p.at)) : null,
        duplicates: fake.duplicates(),
        violations: fake.violations(),
        requests: fake.requests(),
      }),
    );
  } else if (req.url?.startsWith('/max?')) {
    const q = new URL(req.url, 'http://x').searchParams;
    res.end(
      JSON.stringify({
        max: fake.maxInAnyWindow(q.get('conversation') ?? '', Number(q.get('ms'))),
      }),
    );
  } else if (req.url === '/log') {
    res.end(JSON.stringify(fake.log().map((e) => ({ at: e.at, outcome: e.outcome }))));
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
