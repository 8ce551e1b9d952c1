/**
 * Vitest global setup: one in-memory Azurite for the whole run on a free port (each suite uses its
 * own table prefix), stopped by PID at the end. Suites read it with `inject('azurite')`.
 */
import type { TestProject } from 'vitest/node';
import { startAzurite } from './azurite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azurite: { connectionString: string; port: number };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide('azurite', { connectionString: azurite.connectionString, port: azurite.port });
  return () => azurite.stop();
}
