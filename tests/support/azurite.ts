import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { azuriteConnectionString } from '../../server/config.js';
import { freePort, tcpOpen, waitFor } from './ports.js';
import { spawnChild } from './process.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export { azuriteConnectionString };

export interface RunningAzurite {
  port: number;
  pid: number;
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's table service in memory on a free port; stops it by PID (SIGINT, so it flushes).
 * With `location` it keeps its data in that folder instead, so that a test can stop it (a storage
 * outage) and start it again on the same `port` with the same data.
 */
export async function startAzurite(
  options: { port?: number; location?: string } = {},
): Promise<RunningAzurite> {
  const port = options.port ?? (await freePort());
  const child = spawnChild(process.execPath, [
    path.join(repo, 'node_modules/azurite/dist/src/table/main.js'),
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
  ]);
  await waitFor('Azurite', () => tcpOpen(port), 30_000, child.alive).catch((e: Error) => {
    throw new Error(`${e.message}\n${child.output()}`);
  });
  return {
    port,
    pid: child.pid,
    connectionString: azuriteConnectionString(port),
    stop: () => child.stop('SIGINT'),
  };
}
