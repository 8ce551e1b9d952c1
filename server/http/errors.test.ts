/**
 * The error handler on a small Express app of its own: a storage key that storage cannot hold is
 * the request's fault (400, a warning), anything else unexpected is ours (500, an error), and
 * neither says more than a fixed message.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../core/ports/logger.js';
import { MemoryTableStore } from '../../core/testing/memory-table-store.js';
import { demoSchool } from '../demo/demo-school.js';
import { handle } from './body.js';
import { errorHandler } from './errors.js';

const logged: { level: string; event: string; fields: LogFields }[] = [];
const recorder = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [
    level,
    (event: string, fields: LogFields = {}) => logged.push({ level, event, fields }),
  ]),
) as unknown as Logger;

let server: Server;
let url: string;

beforeAll(async () => {
  const store = new MemoryTableStore();
  const app = express();
  // What a route that forgot ids.ts would do: put the id from the path straight into a key.
  app.get(
    '/teams/:teamId',
    handle(async (req, res) => {
      const key = {
        tenantId: demoSchool.tenantId,
        partition: 'teams',
        row: String(req.params.teamId),
      };
      res.json({ found: (await store.get('teams', key)) !== undefined });
    }),
  );
  app.post(
    '/teams',
    express.json(),
    handle(async (req, res) => {
      const row = (req.body as { teamId: string }).teamId;
      const key = { tenantId: demoSchool.tenantId, partition: 'teams', row };
      res.json({ found: (await store.get('teams', key)) !== undefined });
    }),
  );
  app.get('/broken', () => {
    throw new TypeError('Cannot read properties of undefined (reading 19:secret@thread.tacv2)');
  });
  app.use(errorHandler(recorder));
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  logged.length = 0;
});

describe('errorHandler', () => {
  it('answers a storage key error (too long, lone surrogate) with 400 and logs a warning, not an error', async () => {
    const answers = [
      await fetch(`${url}/teams/${'x'.repeat(401)}`),
      // A lone surrogate cannot come in a URL (Express refuses bad UTF-8), but it can in JSON.
      await fetch(`${url}/teams`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"teamId": "\\ud800"}',
      }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalidInput');
      expect(body.error.message).toMatch(/id in this request/);
      expect(body.error.message).not.toContain('xxxx');
    }
    expect(logged).toEqual([
      {
        level: 'warn',
        event: 'http.storageKey',
        fields: { error: 'StorageKeyError', scope: 'row', route: '/teams/:teamId', method: 'GET' },
      },
      {
        level: 'warn',
        event: 'http.storageKey',
        fields: { error: 'StorageKeyError', scope: 'row', route: '/teams', method: 'POST' },
      },
    ]);
  });

  it('still answers any other unexpected error with 500, logged as an error without its message', async () => {
    const res = await fetch(`${url}/broken`);
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret');
    expect(logged).toEqual([
      {
        level: 'error',
        event: 'http.error',
        fields: { error: 'TypeError', route: '/broken', method: 'GET' },
      },
    ]);
  });
});
