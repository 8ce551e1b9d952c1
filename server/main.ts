/**
 * Starts the Belong server: parses configuration (refusing to start when it is wrong), connects
 * storage, seeds the demo school in local mode, and serves HTTP until SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import { errorName } from '../core/ports/logger.js';
import { ConfigError, parseConfig } from './config.js';
import { demoSchool } from './demo/demo-school.js';
import { seedDemoSchool } from './demo/seed.js';
import { appointFirstAdmins } from './first-admins.js';
import { createApp } from './http/app.js';
import { createLogger, routeConsoleToLogger } from './log.js';
import { createServices } from './services.js';

/** Undoes the console routing, so a failed start is told in plain words (see the end). */
let restoreConsole = () => {};

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  // Dependencies' console output (botbuilder's stacks, for one) goes through the JSON logger too.
  restoreConsole = routeConsoleToLogger(log);
  const services = await createServices(config, log);
  if (config.demoSeed) {
    const { seeded } = await seedDemoSchool(
      services,
      demoSchool,
      services.clock.now(),
      config.demoServiceUrl,
      { checkinHistory: config.demoCheckins },
    );
    log.info(seeded ? 'demo.seeded' : 'demo.present');
  }
  await appointFirstAdmins(services.schoolRoles, config.auth, log);
  const app = createApp(services);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info('server.listening', { url: `http://${config.host}:${port}` });
  if (config.delivery.worker) services.engine.start();
  if (config.scheduler.worker) {
    services.scheduler.start();
    services.rotaNotifier.start();
    services.talkWorker.start();
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping');
    void Promise.all([
      services.engine.stop(),
      services.scheduler.stop(),
      services.rotaNotifier.stop(),
      services.talkWorker.stop(),
    ]).finally(() => server.close(() => process.exit(0)));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('unhandledRejection', (e) =>
    log.error('process.unhandledRejection', { error: errorName(e) }),
  );
}

main().catch((e: unknown) => {
  restoreConsole();
  console.error(`Belong failed to start: ${errorName(e)}`);
  if (e instanceof Error && e.stack) console.error(e.stack.split('\n').slice(0, 1).join('\n'));
  process.exit(1);
});
