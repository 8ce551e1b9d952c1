/**
 * `npm start`: the whole app locally. Azurite (data in .data/azurite), the tab build, the Belong
 * server on :3978 (local mode, demo school seeded on first run) and the Microsoft 365 Agents
 * Playground on :56150 configured as the demo school. Ctrl-C stops every child by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { azuriteConnectionString } from '../server/config.js';
import { demoSchool, type DemoPerson } from '../server/demo/demo-school.js';
import {
  demoPlaygroundIds,
  playgroundApi,
  playgroundPeople,
  renderPlaygroundConfig,
} from '../tests/support/playground.js';
import { tcpOpen, waitFor } from '../tests/support/ports.js';

const teacherName = demoSchool.people.find((p) => p.kind === 'teacher')!.displayName;
const dslName = demoSchool.people.find((p) => p.kind === 'dsl')!.displayName;
const deputyName = demoSchool.people.find((p) => p.kind === 'deputy_dsl')!.displayName;
/** A pupil with their own chat with Belong: where `talk` and `buddy` are typed. */
const pupilName = 'Amir Hassan';
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ports = {
  azurite: 10002,
  server: 3978,
  playground: 56150,
  dslPlayground: 56151,
  deputyPlayground: 56152,
  pupilPlayground: 56153,
};
const children: { name: string; child: ChildProcess; signal: NodeJS.Signals }[] = [];
let stopping = false;

function run(
  name: string,
  args: string[],
  env: Record<string, string> = {},
  signal: NodeJS.Signals = 'SIGTERM',
  cwd = repo,
): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  children.push({ name, child, signal });
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(
        `\n${name} stopped unexpectedly (exit ${code ?? 'signal'}); stopping everything.`,
      );
      void stopAll(1);
    }
  });
  return child;
}

async function stopAll(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Belong…');
  for (const { name, child, signal } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, signal);
    } catch {
      continue;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    console.log(`  ${name} stopped`);
  }
  process.exit(code);
}

const kindNames: Record<DemoPerson['kind'], string> = {
  teacher: 'teacher',
  pupil: 'pupil',
  ambassador: 'pupil, wellbeing ambassador',
  coordinator: 'ambassador coordinator',
  wellbeing_lead: 'wellbeing lead',
  dsl: 'designated safeguarding lead',
  deputy_dsl: 'deputy safeguarding lead',
  admin: 'school admin',
};
const mainPlayground = playgroundPeople();
const inMainPlayground = new Set(
  [mainPlayground.current, ...mainPlayground.users].map((p) => p.displayName),
);

function describe(p: DemoPerson): string {
  const team = p.classRole
    ? `, ${p.classRole === 'owner' ? 'owner' : 'member'} of ${demoSchool.team.name}`
    : '';
  const where =
    p.displayName === pupilName
      ? ` — Playground :${ports.playground}, own chat :${ports.pupilPlayground}`
      : inMainPlayground.has(p.displayName)
        ? ' — Playground :56150'
        : p.displayName === dslName
          ? ` — Playground :${ports.dslPlayground}`
          : p.displayName === deputyName
            ? ` — Playground :${ports.deputyPlayground}`
            : ' — tab only';
  return `${kindNames[p.kind]}${team}${where}`;
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());

  for (const [name, port] of Object.entries(ports)) {
    if (await tcpOpen(port)) {
      throw new Error(
        `Port ${port} (${name}) is already in use. Is Belong already running? Stop it first.`,
      );
    }
  }

  console.log('Building the tab…');
  const build = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'tab/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
  const built = await new Promise<number | null>((r) => build.once('exit', r));
  if (built !== 0) throw new Error('The tab build failed');

  mkdirSync(path.join(repo, '.data/azurite'), { recursive: true });
  const azurite = run(
    'Azurite',
    [
      'node_modules/azurite/dist/src/table/main.js',
      '--location',
      '.data/azurite',
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(ports.azurite),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    {},
    'SIGINT', // Azurite flushes its data on SIGINT
  );
  await waitFor(
    'Azurite',
    () => tcpOpen(ports.azurite),
    30_000,
    () => azurite.exitCode === null,
  );

  const server = run('Belong server', ['--import', 'tsx', 'server/main.ts'], {
    BELONG_MODE: 'local',
    // Always the local Azurite, whatever the shell has set.
    STORAGE_CONNECTION_STRING: azuriteConnectionString(ports.azurite),
    STORAGE_ACCOUNT_URL: '',
    DEV_AUTH: 'true',
    PORT: String(ports.server),
    HOST: '127.0.0.1',
    DEMO_SERVICE_URL: `http://localhost:${ports.playground}/_connector`,
  });
  await waitFor(
    'Belong server',
    async () => (await fetch(`http://127.0.0.1:${ports.server}/api/health`)).ok,
    60_000,
    () => server.exitCode === null,
  );

  // The Playground holds six people at most (a current user and five others) and acts as its
  // current user only, so the demo school runs four: the teacher with five pupils of Class 7B;
  // the personal chats of the DSL and the deputy DSL, who get pupils' talk requests; and Amir's
  // own chat with Belong, where a pupil types `talk` or `buddy`.
  const playgroundFolder = (name: string, currentUser: string) => {
    const folder = path.join(repo, `.data/playground-${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, '.m365agentsplayground.yml'),
      renderPlaygroundConfig({ currentUser }),
    );
    return folder;
  };
  const playgrounds = [
    { name: 'Agents Playground', port: ports.playground, cwd: repo },
    {
      name: 'Agents Playground (DSL)',
      port: ports.dslPlayground,
      cwd: playgroundFolder('dsl', dslName),
      personalChat: true,
    },
    {
      name: 'Agents Playground (deputy DSL)',
      port: ports.deputyPlayground,
      cwd: playgroundFolder('deputy', deputyName),
      personalChat: true,
    },
    {
      name: 'Agents Playground (pupil)',
      port: ports.pupilPlayground,
      cwd: playgroundFolder('pupil', pupilName),
      personalChat: true,
    },
  ];
  for (const pg of playgrounds) {
    const child = run(
      pg.name,
      [
        path.join(repo, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
        '-e',
        `http://localhost:${ports.server}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(pg.port),
        '--disable-telemetry',
      ],
      { TEAMSAPPTESTER_BROWSER: 'none' },
      'SIGTERM',
      pg.cwd,
    );
    await waitFor(
      pg.name,
      () => tcpOpen(pg.port),
      60_000,
      () => child.exitCode === null,
    );
    // As if each had opened Belong in Teams: Belong can then message them, and the school can
    // take talk requests (it needs two safeguarding adults it can reach).
    if (pg.personalChat)
      await playgroundApi.install(`http://localhost:${pg.port}`, demoPlaygroundIds.personalChatId);
  }

  const width = Math.max(...demoSchool.people.map((p) => p.displayName.length));
  console.log(`
Belong is running.
  Agents Playground (the bot, as in Teams)   http://localhost:${ports.playground}   as ${teacherName}, teacher of ${demoSchool.team.name}
  Agents Playground for the DSL              http://localhost:${ports.dslPlayground}   as ${dslName}
  Agents Playground for the deputy DSL       http://localhost:${ports.deputyPlayground}   as ${deputyName}
  Agents Playground for a pupil's own chat   http://localhost:${ports.pupilPlayground}   as ${pupilName}
  Tab (persona picker outside Teams)         http://localhost:${ports.server}/tab
  Bot endpoint                               http://localhost:${ports.server}/api/messages
  Azurite tables (data in .data/azurite)     http://127.0.0.1:${ports.azurite}

Demo school: ${demoSchool.schoolName}, class team "${demoSchool.team.name}" (${demoSchool.team.channels.map((c) => c.name).join(', ')})
${demoSchool.people.map((p) => `  ${p.displayName.padEnd(width)}  ${describe(p)}`).join('\n')}

Press Ctrl-C to stop everything.
`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  void stopAll(1);
});
