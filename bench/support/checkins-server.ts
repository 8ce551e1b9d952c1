/**
 * The real Belong server for `npm run bench:checkins`, composed exactly as server/main.ts does
 * (configuration from the environment, createServices, createApp) except for one thing: the
 * directory is the bench school's (bench-school.ts) instead of the demo school's fixture, so
 * thousands of pupils in many classes can answer. No workers are started (the bench measures the
 * answer path only). Compiled by bench/support/tsconfig.checkins.json, started by bench/checkins.ts.
 */
import type { Server } from 'node:http';
import { parseConfig } from '../../server/config.js';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/log.js';
import { createServices } from '../../server/services.js';
import { benchDirectory } from './bench-school.js';

const config = parseConfig(process.env);
const log = createLogger(config.logLevel);
const services = await createServices(config, log, { directory: benchDirectory });
const app = createApp(services);
const server: Server = await new Promise((resolve, reject) => {
  const s = app.listen(config.port, config.host, () => resolve(s));
  s.once('error', reject);
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
