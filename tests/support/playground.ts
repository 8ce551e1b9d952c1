/**
 * Starts and stops the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) for
 * end-to-end tests and renders its `.m365agentsplayground.yml` from the demo school.
 *
 * Facts this relies on (see docs/notes/agents-playground.md):
 * - the CLI reads `.m365agentsplayground.yml` from its cwd (or M365_AGENTS_PLAYGROUND_CONFIG_PATH)
 *   and writes `devTools/m365agentsplayground.log` there; on a bad config it exits with code 1;
 * - `-p` is only a wish: if the port is taken it silently picks another, so the real port is read
 *   from the "Listening on N" line;
 * - the node process started from cli.js is the server itself (no children), but it is spawned
 *   detached and stopped by process group anyway;
 * - the config schema allows exactly 5 `users` plus `currentUser`, one team whose General channel
 *   id is the team id, and at most one more channel.
 */
import { freePort } from './ports.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wallClock } from '../../core/testing/wall-clock.js';
import { demoSchool, type DemoPerson } from '../../server/demo/demo-school.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the committed demo-school Playground config. */
export const demoPlaygroundConfigPath = join(repoRoot, '.m365agentsplayground.yml');

const cliPath = join(repoRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

/** Ids the Playground config adds on top of demo-school.ts (which has no bot or chats). */
export const demoPlaygroundIds = {
  botId: '28:belong-demo-bot',
  botName: 'Belong',
  /** Personal chat of the current user with the bot (`conversation.id`, conversationType personal). */
  personalChatId: 'a:belong-demo-personal-chat',
  groupChatId: '19:belong-demo-group-chat@thread.v2',
  groupChatName: 'Class 7B group chat',
  teamAadGroupId: '00000000-0000-4000-9000-000000000701',
} as const;

export interface PlaygroundConfigOptions {
  /** Display name of the person the Playground UI acts as (default: the Class 7B teacher). */
  currentUser?: string;
  /** Exactly five other display names (default: Class 7B members, then everyone else, in file order). */
  users?: string[];
}

const titles = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr']);

function splitName(displayName: string): { givenName: string; surname: string } {
  const parts = displayName.split(' ').filter((p) => !titles.has(p));
  return { givenName: parts[0] ?? displayName, surname: parts.slice(1).join(' ') || displayName };
}

function findPerson(displayName: string): DemoPerson {
  const person = demoSchool.people.find((p) => p.displayName === displayName);
  if (!person) throw new Error(`No demo person called ${displayName}`);
  return person;
}

const kindLabels: Record<string, string> = {
  teacher: 'teacher',
  pupil: 'pupil',
  ambassador: 'wellbeing ambassador',
  coordinator: 'ambassador coordinator',
  wellbeing_lead: 'wellbeing lead',
  dsl: 'designated safeguarding lead',
  admin: 'school admin',
};

function personaNote(p: DemoPerson): string {
  const kind = kindLabels[p.kind] ?? p.kind;
  if (p.classRole === 'owner') return `Class 7B ${kind} (team owner)`;
  if (p.classRole === 'member')
    return p.kind === 'pupil' ? 'Class 7B pupil' : `Class 7B pupil, ${kind}`;
  return kind;
}

/** Single-quoted YAML scalar (the form prettier keeps with singleQuote). */
function yamlQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function userYaml(p: DemoPerson, indent: string): string {
  const { givenName, surname } = splitName(p.displayName);
  const email =
    `${givenName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + '@ysgol-demo.example';
  const q = yamlQuote;
  return [
    `id: ${q(p.teamsId)}`,
    `name: ${q(p.displayName)}`,
    `userPrincipleName: ${q(email)}`,
    `aadObjectId: ${q(p.id)}`,
    `givenName: ${q(givenName)}`,
    `surname: ${q(surname)}`,
    `email: ${q(email)}`,
  ]
    .map((line, i) => (i === 0 ? line : indent + line))
    .join('\n');
}

/**
 * Who a Playground config holds: the current user, the five others (Class 7B members first),
 * and the demo people left out.
 */
export function playgroundPeople(options: PlaygroundConfigOptions = {}): {
  current: DemoPerson;
  users: DemoPerson[];
  left: DemoPerson[];
} {
  const teacher = demoSchool.people.find((p) => p.classRole === 'owner');
  const current = findPerson(options.currentUser ?? teacher?.displayName ?? '');
  const candidates = [
    ...demoSchool.people.filter((p) => p.classRole),
    ...demoSchool.people.filter((p) => !p.classRole),
  ].filter((p) => p.id !== current.id);
  const users = options.users ? options.users.map(findPerson) : candidates.slice(0, 5);
  if (users.length !== 5)
    throw new Error('The Playground needs exactly five users besides the current user');
  const left = demoSchool.people.filter((p) => p.id !== current.id && !users.includes(p));
  return { current, users, left };
}

/**
 * Renders the Playground config for the demo school. The committed `.m365agentsplayground.yml`
 * is exactly `renderPlaygroundConfig()`; a test keeps the two in step.
 */
export function renderPlaygroundConfig(options: PlaygroundConfigOptions = {}): string {
  const { current, users, left } = playgroundPeople(options);
  const team = demoSchool.team;
  const general = team.channels.find((c) => c.id === team.generalChannelId);
  const others = team.channels.filter((c) => c.id !== team.generalChannelId);
  if (!general || team.id !== general.id || others.length > 1) {
    throw new Error(
      'The Playground needs team id = General channel id and at most one more channel',
    );
  }
  const q = yamlQuote;
  return `# Microsoft 365 Agents Playground config for the Belong demo school (server/demo/demo-school.ts).
# Generated by renderPlaygroundConfig() in tests/support/playground.ts; a test keeps it in step.
# Schema 0.1.1 limits: exactly 5 users plus currentUser, all of them members of the one team and
# of the group chat; the General channel id is the team id; at most one more channel.
# The UI always acts as currentUser. Tests click cards as other members (PlaygroundUi.switchUser),
# send their messages with playgroundApi.sendActivity, or start a Playground with another currentUser.
# Not in this Playground: ${left.map((p) => `${p.displayName} (${personaNote(p)})`).join(', ')}.
version: '0.1.1'
tenantId: ${q(demoSchool.tenantId)}
bot:
  id: ${q(demoPlaygroundIds.botId)}
  name: ${q(demoPlaygroundIds.botName)}
# ${current.displayName}: ${personaNote(current)}
currentUser:
  ${userYaml(current, '  ')}
users:
${users.map((p) => `  # ${p.displayName}: ${personaNote(p)}\n  - ${userYaml(p, '    ')}`).join('\n')}
personalChat:
  id: ${q(demoPlaygroundIds.personalChatId)}
groupChat:
  id: ${q(demoPlaygroundIds.groupChatId)}
  name: ${q(demoPlaygroundIds.groupChatName)}
team:
  # Team id = General channel id (${general.name}).
  id: ${q(team.id)}
  name: ${q(team.name)}
  aadGroupId: ${q(demoPlaygroundIds.teamAadGroupId)}
  channels:
${others.map((c) => `    - id: ${q(c.id)}\n      name: ${q(c.name)}`).join('\n')}
`;
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port to ask for; a free one is picked when omitted. */
  port?: number;
  /** Config file to copy (default: the repo's demo config). Ignored when `currentUser` is set. */
  configPath?: string;
  /** Render a demo config in which this demo person is the UI's current user. */
  currentUser?: string;
}

export interface RunningPlayground {
  /** Web UI, e.g. http://127.0.0.1:56150 */
  url: string;
  port: number;
  /** PID of the Playground server process (also its process group id). */
  pid: number;
  /** The mocked Bot Connector; activities carry `serviceUrl: http://localhost:<port>/_connector`. */
  connectorUrl: string;
  /** Folder it runs in (holds the config copy and devTools/m365agentsplayground.log). */
  cwd: string;
  /** Text of devTools/m365agentsplayground.log so far. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export { freePort };

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export async function startPlayground(opts: StartPlaygroundOptions): Promise<RunningPlayground> {
  const cwd = await mkdtemp(join(tmpdir(), 'belong-playground-'));
  const configTarget = join(cwd, '.m365agentsplayground.yml');
  if (opts.currentUser) {
    await writeFile(configTarget, renderPlaygroundConfig({ currentUser: opts.currentUser }));
  } else {
    await copyFile(opts.configPath ?? demoPlaygroundConfigPath, configTarget);
  }
  const requestedPort = opts.port ?? (await freePort());
  const logPath = join(cwd, 'devTools', 'm365agentsplayground.log');
  const readLog = (): Promise<string> => readFile(logPath, 'utf8').catch(() => '');

  const child = spawn(
    process.execPath,
    [
      cliPath,
      '-e',
      opts.botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(requestedPort),
      '--disable-telemetry',
    ],
    {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start the Agents Playground');
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true;
      killGroup(pid, 'SIGTERM');
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000).unref());
      if ((await Promise.race([exited(child), timer])) === 'timeout') {
        killGroup(pid, 'SIGKILL');
        await exited(child);
      }
    }
    await rm(cwd, { recursive: true, force: true });
  };

  try {
    const deadline = performance.now() + 30_000;
    let port: number | undefined;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(
          `Agents Playground exited (${child.exitCode}): ${output}\n${await readLog()}`,
        );
      }
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1]) port = Number(match[1]);
      if (port !== undefined) {
        const ok = await fetch(`http://127.0.0.1:${port}/_debug/ping`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) {
          return {
            url: `http://127.0.0.1:${port}`,
            port,
            pid,
            connectorUrl: `http://localhost:${port}/_connector`,
            cwd,
            log: readLog,
            stop,
          };
        }
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`Agents Playground did not become ready: ${output}\n${await readLog()}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** HTTP helpers over the Playground's own APIs (the ones its web UI uses). */
export const playgroundApi = {
  /**
   * Posts a message like the UI does. `fromId` must be in the conversation's roster, but the bot
   * always receives the message from currentUser (the Playground ignores `from` for messages).
   * In a channel this starts a new thread; pass `mentionBot` so the bot receives it (channel and
   * group messages reach the bot only when they mention it).
   */
  async postMessage(
    url: string,
    conversationId: string,
    fromId: string,
    text: string,
    mentionBot = false,
  ): Promise<{ messageId: string; postConversationId?: string }> {
    const at = `<at>${demoPlaygroundIds.botName}</at>`;
    const body = {
      type: 'text',
      text: mentionBot ? `${at} ${text}` : text,
      textFormat: 'plain',
      from: { id: fromId },
      mentions: mentionBot
        ? [
            {
              mentioned: { id: demoPlaygroundIds.botId, name: demoPlaygroundIds.botName },
              text: at,
            },
          ]
        : [],
    };
    const res = await fetch(
      `${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    if (!res.ok) throw new Error(`postMessage ${res.status}: ${await res.text()}`);
    return (await res.json()) as { messageId: string; postConversationId?: string };
  },
  /**
   * Sends any activity to the bot through the Playground (`POST /_internal/v1/customActivities`,
   * the "Mock an Activity" feature). The only way to send a *message* as someone other than
   * currentUser; the bot's replies land in the conversation and show in the UI.
   */
  async sendActivity(url: string, activity: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${url}/_internal/v1/customActivities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (!res.ok) throw new Error(`sendActivity ${res.status}: ${await res.text()}`);
  },
  /** A Teams-shaped channel message from a demo person, @mentioning the bot, for `sendActivity`. */
  channelMessage(
    playground: { connectorUrl: string },
    from: DemoPerson,
    channelId: string,
    text: string,
  ): Record<string, unknown> {
    const at = `<at>${demoPlaygroundIds.botName}</at>`;
    const bot = { id: demoPlaygroundIds.botId, name: demoPlaygroundIds.botName };
    return {
      type: 'message',
      id: `custom-${randomUUID()}`,
      timestamp: wallClock.now().toISOString(),
      channelId: 'msteams',
      serviceUrl: playground.connectorUrl,
      text: `${at} ${text}`,
      textFormat: 'plain',
      from: { id: from.teamsId, name: from.displayName, aadObjectId: from.id },
      recipient: bot,
      conversation: {
        id: channelId,
        isGroup: true,
        conversationType: 'channel',
        tenantId: demoSchool.tenantId,
      },
      entities: [{ type: 'mention', mentioned: bot, text: at }],
      channelData: {
        tenant: { id: demoSchool.tenantId },
        team: { id: demoSchool.team.id, name: demoSchool.team.name },
        channel: { id: channelId },
      },
    };
  },
  /** Sends installationUpdate + conversationUpdate (membersAdded) for a chat or the team's General channel. */
  async install(url: string, conversationId: string): Promise<void> {
    const res = await fetch(
      `${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    if (!res.ok) throw new Error(`install ${res.status}: ${await res.text()}`);
  },
};
