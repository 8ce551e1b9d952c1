/**
 * The real server in-process on a free port, on the run's Azurite with fresh tables. For API
 * and bot integration tests; end-to-end tests start the real process (see stack.ts).
 */
import type { TokenCredential } from '@azure/identity';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { Clock, Directory } from '../../core/ports/directory.js';
import { silentLogger, type Logger } from '../../core/ports/logger.js';
import { parseConfig } from '../../server/config.js';
import { createApp } from '../../server/http/app.js';
import { createServices, type Services } from '../../server/services.js';
import { uniquePrefix } from './tables.js';

export interface AppHarness {
  url: string;
  services: Services;
  stop(): Promise<void>;
}

export async function startApp(
  env: Record<string, string> = {},
  overrides: {
    directory?: Directory;
    clock?: Clock;
    log?: Logger;
    /** Graph's identity in production mode (a fake Graph accepts its token). */
    graphCredential?: TokenCredential;
  } = {},
): Promise<AppHarness> {
  const { connectionString } = inject('azurite');
  const config = parseConfig({
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: uniquePrefix(),
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const { log = silentLogger, ...rest } = overrides;
  const services = await createServices(config, log, rest);
  const app = createApp(services);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
