/**
 * The whole app as separate processes, the way `npm start` runs it but on free ports in temporary
 * places: its own in-memory Azurite, the real server process (local mode, demo school seeded) and,
 * when asked, the Agents Playground pointed at it. Everything is stopped by PID.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../core/ports/directory.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { startAzurite, type RunningAzurite } from './azurite.js';
import { schoolDay, serverClock } from './clock.js';
import { startPlayground } from './playground.js';
import { freePort, waitFor } from './ports.js';
import { spawnChild, type Child } from './process.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Stack {
  baseUrl: string;
  playgroundUrl?: string;
  playgroundConnectorUrl?: string;
  azurite: RunningAzurite;
  /** Table prefix the server uses on its Azurite, to read what it stored. */
  tablePrefix: string;
  server: Child;
  /** The server's clock (its dev clock, started at `startStack`'s `now`), to build data from. */
  clock: Clock;
  stop(): Promise<void>;
}

/**
 * The real server as its own process (local mode) on a free port, on a given Azurite and table
 * prefix. `command` starts it another way (e.g. `npm run serve`, the production start command);
 * by default the TypeScript source runs through tsx.
 */
export async function startServerProcess(opts: {
  connectionString: string;
  tablePrefix: string;
  env?: Record<string, string>;
  command?: [string, ...string[]];
}): Promise<{ url: string; child: Child }> {
  const port = await freePort();
  const [command, ...args] = opts.command ?? [
    process.execPath,
    '--import',
    'tsx',
    path.join(repo, 'server/main.ts'),
  ];
  const child = spawnChild(command, args, {
    cwd: repo,
    env: {
      ...process.env,
      BELONG_MODE: 'local',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: opts.connectionString,
      TABLE_PREFIX: opts.tablePrefix,
      TAB_DIST: path.join(repo, 'tab/dist'),
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await untilServing(child, url);
  return { url, child };
}

/**
 * Waits until the server `child` answers `/api/health` at `url`; if it never does (or exits), it
 * is killed and the error carries what it wrote, so a failed start says why.
 */
export async function untilServing(
  child: Child,
  url: string,
  what = 'Belong server',
): Promise<void> {
  await waitFor(what, async () => (await fetch(`${url}/api/health`)).ok, 60_000, child.alive).catch(
    async (e: Error) => {
      await child.stop('SIGKILL');
      throw new Error(`${e.message}\n${child.output()}`);
    },
  );
}

/**
 * The whole app, with the server's dev clock started at `now` (by default a fixed school day), so
 * what the suite sees never depends on the machine's date.
 */
export async function startStack(
  opts: { playground?: boolean; env?: Record<string, string>; now?: Date } = {},
): Promise<Stack> {
  const azurite = await startAzurite();
  const stops: (() => Promise<void>)[] = [() => azurite.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const playgroundPort = opts.playground ? await freePort() : undefined;
    const tablePrefix = `e2e${randomBytes(4).toString('hex')}`;
    const { url: baseUrl, child: server } = await startServerProcess({
      connectionString: azurite.connectionString,
      tablePrefix,
      env: {
        ...(playgroundPort
          ? { DEMO_SERVICE_URL: `http://127.0.0.1:${playgroundPort}/_connector` }
          : {}),
        DEV_CLOCK_START: (opts.now ?? schoolDay).toISOString(),
        ...opts.env,
      },
    });
    stops.push(() => server.stop('SIGTERM'));
    const clock = await serverClock(baseUrl, demoSchool.people[0]!.id);
    let playground: { playgroundUrl: string; playgroundConnectorUrl: string } | undefined;
    if (playgroundPort) {
      const running = await startPlayground({
        botEndpoint: `${baseUrl}/api/messages`,
        port: playgroundPort,
      });
      stops.push(() => running.stop());
      playground = { playgroundUrl: running.url, playgroundConnectorUrl: running.connectorUrl };
    }
    return { baseUrl, ...playground, azurite, tablePrefix, server, clock, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
