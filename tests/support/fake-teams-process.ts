import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeTeamsOptions } from './fake-teams-connector.js';
import { waitFor } from './ports.js';
import { spawnChild } from './process.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface FakeTeamsStats {
  counts: Record<string, number>;
  posts: number;
  lastAcceptedAt: number | null;
  duplicates: number;
  violations: { conversation: number; tenant: number };
  requests: number;
}

export interface FakeTeamsProcess {
  url: string;
  stats(): Promise<FakeTeamsStats>;
  /** Most requests to one conversation in any window of `ms`. */
  maxInAnyWindow(conversation: string, ms: number): Promise<number>;
  /** Every request the fake saw: arrival time and what it did with it. */
  log(): Promise<{ at: number; outcome: string }[]>;
  close(): Promise<void>;
}

function canRaisePriority(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Starts tests/support/fake-teams-server.ts as its own process; stops it by PID. */
export async function startFakeTeamsProcess(
  options: FakeTeamsOptions = {},
): Promise<FakeTeamsProcess> {
  // Like Teams, the fake must see requests when they arrive: on a small, busy machine it runs at
  // a higher priority (where allowed) so the scheduler doesn't bunch its arrival times.
  const args = [
    '--import',
    'tsx',
    path.join(here, 'fake-teams-server.ts'),
    JSON.stringify(options),
  ];
  const child = canRaisePriority()
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
    stats: async () => (await (await fetch(`${control}/stats`)).json()) as FakeTeamsStats,
    maxInAnyWindow: async (conversation, ms) =>
      (
        (await (
          await fetch(`${control}/max?conversation=${encodeURIComponent(conversation)}&ms=${ms}`)
        ).json()) as { max: number }
      ).max,
    log: async () =>
      (await (await fetch(`${control}/log`)).json()) as { at: number; outcome: string }[],
    close: () => child.stop('SIGTERM'),
  };
}
