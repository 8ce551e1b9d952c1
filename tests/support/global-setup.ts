/**
 * Vitest global setup: one in-memory Azurite for the whole run on a free port (each suite uses its
 * own table prefix), stopped by PID at the end. Suites read it with `inject('azurite')`. It also
 * says once which Chromium the browser tests use (unpacking the bundled one here, once per
 * machine, before the test workers start).
 */
import type { TestProject } from 'vitest/node';
import { startAzurite } from './azurite.js';
import { describeChromium } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azurite: { connectionString: string; port: number };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [azurite, browser] = await Promise.all([
    startAzurite(),
    describeChromium().catch((error: Error) => `browser tests cannot start: ${error.message}`),
  ]);
  console.log(browser);
  project.provide('azurite', { connectionString: azurite.connectionString, port: azurite.port });
  return () => azurite.stop();
}
