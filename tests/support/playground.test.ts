/**
 * Proves the Agents Playground driver: a tiny botbuilder bot, the Playground with the demo-school
 * config, and Chromium clicking through personal chat and the Class 7B General channel.
 */
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import express from 'express';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchool } from '../../server/demo/demo-school.js';
import { launchBrowser } from './browser.js';
import {
  demoPlaygroundConfigPath,
  demoPlaygroundIds,
  freePort,
  playgroundApi,
  renderPlaygroundConfig,
  startPlayground,
  type RunningPlayground,
} from './playground.js';
import { PlaygroundUi } from './playground-ui.js';

const card = (text: string, n: number): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text, wrap: true },
    { type: 'TextBlock', text: `Count ${n}` },
  ],
  actions: [{ type: 'Action.Execute', title: 'Add one', verb: 'add', data: { n } }],
});

class PingBot extends ActivityHandler {
  readonly received: Partial<Activity>[] = [];

  override async run(context: TurnContext): Promise<void> {
    this.received.push(context.activity);
    await super.run(context);
  }

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const text = (context.activity.text ?? '').replace(/<at>.*?<\/at>/g, '').trim();
      if (text === 'ping') await context.sendActivity('pong');
      else if (text === 'card') {
        await context.sendActivity(
          MessageFactory.attachment(CardFactory.adaptiveCard(card('Ping card', 0))),
        );
      } else await context.sendActivity(`echo: ${text}`);
      await next();
    });
  }

  protected override async onInvokeActivity(
    context: TurnContext,
  ): Promise<{ status: number; body?: unknown }> {
    if (context.activity.name === 'adaptiveCard/action') {
      const value = context.activity.value as { action?: { data?: { n?: number } } } | undefined;
      const n = (value?.action?.data?.n ?? 0) + 1;
      return {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.card.adaptive',
          value: card('Card updated', n),
        },
      };
    }
    return super.onInvokeActivity(context);
  }
}

async function startPingBot(): Promise<{ endpoint: string; bot: PingBot; close(): Promise<void> }> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }),
  );
  const bot = new PingBot();
  const app = express();
  app.use(express.json());
  app.post('/api/messages', (req, res) => {
    void adapter.process(req, res, (context) => bot.run(context));
  });
  const port = await freePort();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    bot,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Agents Playground config', () => {
  it('the committed .m365agentsplayground.yml is the rendered demo school', async () => {
    expect(await readFile(demoPlaygroundConfigPath, 'utf8')).toBe(renderPlaygroundConfig());
  });
});

describe('Agents Playground driver', () => {
  let botHost: Awaited<ReturnType<typeof startPingBot>>;
  let playground: RunningPlayground;
  let browser: Browser;
  let ui: PlaygroundUi;

  beforeAll(async () => {
    botHost = await startPingBot();
    playground = await startPlayground({ botEndpoint: botHost.endpoint });
    browser = await launchBrowser();
    ui = new PlaygroundUi(await browser.newPage({ viewport: { width: 1400, height: 900 } }));
    await ui.open(playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await botHost?.close();
  });

  it('personal chat: ping gets pong, and a card action refreshes the card', async () => {
    await ui.openPersonalChat();
    await ui.send('ping');
    await ui.waitForText('pong');

    await ui.send('card');
    const first = await ui.waitForCardText('Ping card');
    await ui.clickCardAction(first, 'Add one');
    const updated = await ui.waitForCardText('Card updated');
    await expect.poll(() => updated.textContent()).toContain('Count 1');

    const install = botHost.bot.received.find((a) => a.type === 'installationUpdate');
    expect(install?.conversation?.id).toBe(demoPlaygroundIds.personalChatId);
    expect(install?.conversation?.tenantId).toBe(demoSchool.tenantId);
    expect(install?.from?.aadObjectId).toBe(demoSchool.people[0]?.id);
    expect(install?.serviceUrl).toBe(playground.connectorUrl);
  });

  it('Class 7B General: an @mention reaches the bot, also as another member', async () => {
    await ui.openChannel('Class 7B', 'General');
    await ui.sendToBot('ping');
    await ui.waitForText('pong');

    const teamInstall = botHost.bot.received.find(
      (a) => a.type === 'conversationUpdate' && a.conversation?.conversationType === 'channel',
    );
    expect(teamInstall?.channelData).toMatchObject({
      team: { id: demoSchool.team.id, name: 'Class 7B' },
      tenant: { id: demoSchool.tenantId },
      eventType: 'teamMemberAdded',
    });

    // Card actions can be clicked as another member of the team.
    await ui.sendToBot('card');
    const first = await ui.waitForCardText('Ping card');
    await ui.switchUser('Dara Okafor');
    await ui.clickCardAction(first, 'Add one');
    await ui.waitForCardText('Card updated');
    await ui.switchUser(undefined);
    const dara = demoSchool.people.find((p) => p.displayName === 'Dara Okafor');
    const invoke = botHost.bot.received.findLast((a) => a.type === 'invoke');
    expect(invoke?.from).toMatchObject({
      id: dara?.teamsId,
      aadObjectId: dara?.id,
      name: 'Dara Okafor',
    });
    expect(invoke?.conversation?.id).toMatch(/^19:class-7b-general@thread\.tacv2;messageid=\d+$/);
    expect(invoke?.channelData).toMatchObject({
      team: { id: demoSchool.team.id },
      channel: { id: demoSchool.team.generalChannelId },
    });

    // A message as another member goes through the custom-activity endpoint; the reply shows.
    const cai = demoSchool.people.find((p) => p.displayName === 'Cai Williams');
    if (!cai) throw new Error('demo school has no Cai');
    const wellbeing = '19:class-7b-wellbeing@thread.tacv2';
    await playgroundApi.sendActivity(
      playground.url,
      playgroundApi.channelMessage(playground, cai, wellbeing, 'hi'),
    );
    await ui.openChannel('Class 7B', 'Wellbeing');
    await ui.waitForText('echo: hi');
    const fromCai = botHost.bot.received.find((a) => a.from?.id === cai.teamsId);
    expect(fromCai?.from?.aadObjectId).toBe(cai.id);
  });

  it('stop() ends the server process', async () => {
    const { pid } = playground;
    await playground.stop();
    expect(alive(pid)).toBe(false);
  });
});
