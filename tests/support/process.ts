import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Child {
  pid: number;
  process: ChildProcess;
  alive(): boolean;
  output(): string;
  /** SIGINT/SIGTERM the whole process group, then SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** Spawns a child in its own process group so it and anything it starts can be stopped by PID. */
export function spawnChild(command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.once('error', (e) => {
    output += `\nspawn failed: ${e.message}`;
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  return {
    pid,
    process: child,
    alive: () => !exited,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000) {
      const killGroup = (sig: NodeJS.Signals) => {
        try {
          process.kill(-pid, sig);
          return true;
        } catch {
          return false; // the whole group is gone
        }
      };
      if (!exited) {
        killGroup(signal);
        const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
        await exit;
        clearTimeout(timer);
      }
      // Anything the leader started and left behind goes too.
      killGroup('SIGKILL');
    },
  };
}
