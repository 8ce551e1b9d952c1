/**
 * The production start command (decision 017): `npm run serve`, which infra/azure.bicep runs on
 * App Service, starts the compiled server (tsconfig.build.json) with its sized heap, and that
 * server works: it seeds the demo school into Azurite, answers its health check, serves the tab,
 * and answers the tab API for a signed-in teacher. Before this, App Service would have run
 * `npm start`, the local stack.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoSchool } from '../../server/demo/demo-school.js';
import { callApi, devToken } from '../support/api-client.js';
import type { Child } from '../support/process.js';
import { startServerProcess } from '../support/stack.js';
import { uniquePrefix } from '../support/tables.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const teacher = demoSchool.people.find((p) => p.displayName === 'Ms Ada Khan')!;

let server: Child;
let url: string;

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: repo, stdio: 'pipe' },
  );
  ({ url, child: server } = await startServerProcess({
    connectionString: inject('azurite').connectionString,
    tablePrefix: uniquePrefix(),
    command: ['npm', 'run', 'serve'],
    env: { DELIVERY_WORKER: 'false', SCHEDULER_WORKER: 'false' },
  }));
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGTERM');
});

describe('npm run serve (the production start command)', () => {
  it('is what App Service runs, and starts node on the compiled server with a 1 GB heap', () => {
    const bicep = readFileSync(path.join(repo, 'infra/azure.bicep'), 'utf8');
    expect(bicep).toMatch(/param startupCommand string = 'npm run serve'/);
    // The node process npm started, in the session of the spawned npm (it was started detached).
    const group = execFileSync('ps', ['-o', 'args=', '-s', String(server.pid)]).toString();
    const node = group.split('\n').find((line) => line.startsWith('node '));
    expect(node).toMatch(/^node --max-old-space-size=1024 build\/server\/server\/main\.js/);
  });

  it('serves the tab and answers the tab API from storage', async () => {
    const tab = await fetch(`${url}/`);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('<div id="root"');

    const token = await devToken(url, teacher.id);
    const me = await callApi(url, 'GET', '/api/me', token);
    expect(me.status).toBe(200);
    // The demo school was seeded into Azurite by the compiled server: the teacher's classes come from storage.
    expect(me.body.teams.length).toBeGreaterThan(0);
    expect(await callApi(url, 'GET', '/api/me')).toMatchObject({ status: 401 });
  });
});
