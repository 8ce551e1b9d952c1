/**
 * The production server process, as App Service runs it, given forged Bot Framework tokens
 * (decision 023): each gets the short 401, and every line the process writes is one JSON event.
 * botbuilder `console.error`s a stack and a dump of signing keys for some of these tokens; the
 * server routes dependencies' console output through its logger, so none of that is written raw.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Child } from '../support/process.js';
import { startServerProcess } from '../support/stack.js';
import { uniquePrefix } from '../support/tables.js';
import {
  productionBot,
  productionBotEnv,
  startFakeBotFramework,
  type FakeBotFramework,
} from '../support/fake-bot-framework.js';

const { tenant, botId, serviceUrl } = productionBot;

let bf: FakeBotFramework;
let server: Child;
let url: string;

beforeAll(async () => {
  bf = await startFakeBotFramework();
  ({ url, child: server } = await startServerProcess({
    connectionString: inject('azurite').connectionString,
    tablePrefix: uniquePrefix(),
    env: {
      ...productionBotEnv(bf),
      DELIVERY_WORKER: 'false',
      SCHEDULER_WORKER: 'false',
      LOG_LEVEL: 'debug',
    },
  }));
}, 90_000);
afterAll(async () => {
  await server?.stop('SIGTERM');
  await bf?.close();
});

const activity = {
  type: 'message',
  text: 'hello',
  channelId: 'msteams',
  serviceUrl,
  conversation: { id: 'a:1', tenantId: tenant, conversationType: 'personal' },
  from: { id: '29:someone' },
  recipient: { id: `28:${botId}` },
  channelData: { tenant: { id: tenant } },
};

describe('forged tokens against the production process', () => {
  it('get 401 with a short body, and nothing is written outside the JSON logger', async () => {
    const tokens = [
      // botbuilder logs "Error finding key for token. Available keys: …" for this one,
      await bf.sign({ aud: botId, serviceurl: serviceUrl }, { key: 'untrusted' }),
      // and the whole TokenExpiredError for this one.
      await bf.sign({ aud: botId, serviceurl: serviceUrl }, { expiresInSeconds: -900 }),
      'garbage',
    ];
    for (const token of tokens) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe(
        JSON.stringify({ error: { code: 'unauthenticated', message: 'Not authorized' } }),
      );
    }
    // The process writes asynchronously; give its last lines a moment to arrive.
    await new Promise((r) => setTimeout(r, 300));
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '');
    const notJson = lines.filter((l) => {
      try {
        return typeof JSON.parse(l) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const events = lines.map((l) => JSON.parse(l) as { event: string });
    // botbuilder did write to the console, and it came out as logger events.
    expect(events.map((e) => e.event)).toContain('console.error');
    expect(events.filter((e) => e.event === 'bot.auth.refused')).toHaveLength(3);
    expect(server.output()).not.toMatch(/Available keys|BEGIN RSA|at .*\.js:\d+/);
  });
});
