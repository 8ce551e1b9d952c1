/**
 * The processes of `npm run bench:checkins`: pinning (the bench and Azurite on core 0, each
 * server on core 1), compiling the servers, starting them with the production start command's
 * Node.js flags, and reading their CPU time and peak memory from /proc. Shared by the
 * single-instance run (bench/checkins.ts) and the several-instance run (checkins-contention.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from '../../tests/support/ports.js';
import { spawnChild } from '../../tests/support/process.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const log = (line: string) => console.log(`[bench:checkins] ${line}`);

/** Pins this process (and so Azurite, started after) to core 0 when it can; true if it did. */
export function pinBenchToCore0(): boolean {
  const pinning = canPin();
  if (pinning) execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)]);
  return pinning;
}

function canPin(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return Number(execFileSync('nproc').toString()) >= 2;
  } catch {
    return false;
  }
}

/**
 * Both servers run as compiled JavaScript, as `npm run serve` runs Belong in production (a tsx
 * loader would add about 50 MB to each and hide part of the difference).
 */
export function compileServers(): void {
  const started = Date.now();
  const outputs = ['checkins-floor.js', 'checkins-server.js'].map((f) =>
    path.join(repo, 'build/bench/bench/support', f),
  );
  for (const f of outputs) rmSync(f, { force: true });
  try {
    execFileSync(
      process.execPath,
      [
        path.join(repo, 'node_modules/typescript/bin/tsc'),
        '-p',
        'bench/support/tsconfig.checkins.json',
      ],
      { cwd: repo, stdio: 'pipe' },
    );
  } catch (e) {
    // Type errors still emit JavaScript; the bench measures what runs, and says so.
    if (!outputs.every((f) => existsSync(f))) throw e;
    const first = String((e as { stdout?: Buffer }).stdout ?? '').split('\n')[0];
    log(`tsc reported type errors (JavaScript emitted anyway): ${first}`);
  }
  log(
    `compiled the floor and the server into build/bench in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * The Node.js flags of the production start command (`npm run serve` in package.json, which App
 * Service runs; decision 017). Belong is measured as it runs in production; the floor, as the
 * issue defines it, with Node's defaults (`--node-flags` adds flags to both, for a like-for-like run).
 */
export function serveNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...args] = pkg.scripts.serve!.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json "serve" should start node, not ${node}`);
  return args.filter((a) => a.startsWith('--'));
}

export interface ChildOptions {
  pinning: boolean;
  /** Write a V8 CPU profile of each server into this folder. */
  profile?: string;
  /** Flags for every server. */
  nodeFlags: string[];
  /** Flags for Belong's server only. */
  belongFlags: string[];
}

/** Starts a compiled server (`build/bench/<script>`) on a free port and waits for `health`. */
export async function startChild(
  script: string,
  env: Record<string, string>,
  health: string,
  options: ChildOptions,
) {
  const port = await freePort();
  const profile = options.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profile)}`]
    : [];
  const flags = [
    ...options.nodeFlags,
    ...(script.includes('server') ? options.belongFlags : []),
  ].filter(Boolean);
  const node = [process.execPath, ...profile, ...flags, path.join(repo, 'build/bench', script)];
  const [command, ...args] = options.pinning ? ['taskset', '-c', '1', ...node] : node;
  const child = spawnChild(command!, args, {
    cwd: repo,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(script, async () => (await fetch(url + health)).ok, 60_000, child.alive).catch(
    async (e: Error) => {
      await child.stop('SIGKILL');
      throw new Error(`${e.message}\n${child.output()}`);
    },
  );
  return { url, child };
}

/** Peak resident set of a process (VmHWM), in MB. */
export const peakRssMB = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
/** CPU seconds a process has used so far (user + system). */
export const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** The environment of a Belong bench server on the bench's tables, with no workers. */
export const belongEnv = (
  connectionString: string,
  tablePrefix: string,
  secret: string,
): Record<string, string> => ({
  BELONG_MODE: 'local',
  STORAGE_CONNECTION_STRING: connectionString,
  TABLE_PREFIX: tablePrefix,
  PSEUDONYM_SECRET: secret,
  LOG_LEVEL: 'silent',
  DELIVERY_WORKER: 'false',
  SCHEDULER_WORKER: 'false',
  DEMO_SEED: 'false',
});
