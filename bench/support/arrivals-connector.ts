/**
 * Starts bench/support/arrivals-server.ts (the fake Teams connector, enforcing Teams' limits, in
 * its own process at raised priority where allowed, like tests/support/fake-teams-process.ts) and
 * reads back when each post arrived.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeTeamsOptions } from '../../tests/support/fake-teams-connector.js';
import { waitFor } from '../../tests/support/ports.js';
import { spawnChild } from '../../tests/support/process.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Arrivals {
  /** Accepted posts (creates and sends): delivery id, rate-limit conversation, arrival (ms). */
  posts: { id: string | undefined; conversation: string; at: number }[];
  /** Every request to a personal chat (`a:…`): when it arrived and what the fake did with it. */
  chats: { conversation: string; at: number; outcome: string }[];
  duplicates: number;
  violations: { conversation: number; tenant: number };
  requests: number;
}

export interface ArrivalsConnector {
  url: string;
  arrivals(): Promise<Arrivals>;
  close(): Promise<void>;
}

export async function startArrivalsConnector(
  options: FakeTeamsOptions,
): Promise<ArrivalsConnector> {
  const args = ['--import', 'tsx', path.join(here, 'arrivals-server.ts'), JSON.stringify(options)];
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = root
    ? spawnChild('nice', ['-n', '-10', process.execPath, ...args])
    : spawnChild(process.execPath, args);
  let ready: RegExpExecArray | null = null;
  await waitFor(
    'fake Teams connector',
    async () => (ready = /READY (\S+) (\S+)/.exec(child.output())) !== null,
    30_000,
    child.alive,
  ).catch((e: Error) => {
    throw new Error(`${e.message}\n${child.output()}`);
  });
  const [, url, control] = ready as unknown as [string, string, string];
  return {
    url,
    arrivals: async () => (await (await fetch(`${control}/arrivals`)).json()) as Arrivals,
    close: () => child.stop('SIGTERM'),
  };
}
