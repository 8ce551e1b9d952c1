/**
 * The bot in the Microsoft 365 Agents Playground (a real Teams-like client) against the real
 * server process on Azurite: the team install is recorded from the Playground's own event, and
 * `@Belong help` in the channel and `help` in personal chat answer with role-specific cards.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamStore } from '../../core/stores/team-store.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { launchBrowser } from '../support/browser.js';
import { demoPlaygroundIds, playgroundApi, startPlayground } from '../support/playground.js';
import { PlaygroundUi } from '../support/playground-ui.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let browser: Browser;
let teams: TeamStore;
const person = (name: string) => demoSchool.people.find((p) => p.displayName === name)!;

beforeAll(async () => {
  stack = await startStack({ playground: true });
  browser = await launchBrowser();
  const store = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: stack.azurite.connectionString },
    stack.tablePrefix,
  );
  teams = new TeamStore(store);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function withUi<T>(
  url: string,
  fn: (ui: PlaygroundUi, page: Page) => Promise<T>,
): Promise<T> {
  const page = await browser.newPage();
  try {
    const ui = new PlaygroundUi(page);
    await ui.open(url);
    return await fn(ui, page);
  } finally {
    await page.close();
  }
}

describe('Belong in the Agents Playground', () => {
  it('records the install in Class 7B from the Playground, with its channels and service URL', async () => {
    await withUi(stack.playgroundUrl!, async (ui) => {
      await ui.openChannel('Class 7B', 'General');
      await expect
        .poll(async () => (await teams.get(demoSchool.tenantId, demoSchool.team.id))?.aadGroupId, {
          timeout: 15_000,
        })
        .toBe(demoPlaygroundIds.teamAadGroupId);
    });
    const team = await teams.get(demoSchool.tenantId, demoSchool.team.id);
    expect(team!.serviceUrl).toBe(stack.playgroundConnectorUrl);
    expect(team!.channels.map((c) => c.name).sort()).toEqual(['General', 'Wellbeing']);
  });

  it('@Belong help in the channel gives the teacher a teacher help card', async () => {
    await withUi(stack.playgroundUrl!, async (ui) => {
      await ui.openChannel('Class 7B', 'General');
      await ui.sendToBot('help');
      const card = await ui.waitForCardText('never who said what');
      expect(await card.innerText()).toContain('Hello, I’m Belong');
    });
  });

  it('a pupil asking in the channel gets the pupil card, shown in the channel', async () => {
    await withUi(stack.playgroundUrl!, async (ui) => {
      await ui.openChannel('Class 7B', 'General');
      const pupil = person('Dara Okafor');
      await playgroundApi.sendActivity(
        stack.playgroundUrl!,
        playgroundApi.channelMessage(
          { connectorUrl: stack.playgroundConnectorUrl! },
          pupil,
          demoSchool.team.id,
          'help',
        ),
      );
      const card = await ui.waitForCardText('I help your class feel like a team');
      expect(await card.innerText()).not.toContain('never who said what');
    });
  });

  it('help in personal chat answers, and an unknown word gets a friendly card', async () => {
    await withUi(stack.playgroundUrl!, async (ui) => {
      await ui.openPersonalChat();
      await ui.send('help');
      await ui.waitForCardText('What you can type');
      await ui.send('juggle');
      const card = await ui.waitForCardText('I don’t understand “juggle”');
      expect(await card.innerText()).toContain('Show this help again.');
    });
    const conversation = await teams.personalConversation(
      demoSchool.tenantId,
      person('Ms Ada Khan').id,
    );
    expect(conversation?.conversationId).toBe(demoPlaygroundIds.personalChatId);
  });

  it('the designated safeguarding lead, in their own Playground, gets the safeguarding help card', async () => {
    const dsl = await startPlayground({
      botEndpoint: `${stack.baseUrl}/api/messages`,
      currentUser: 'Ms Ruth Evans',
    });
    try {
      await withUi(dsl.url, async (ui) => {
        await ui.openPersonalChat();
        await ui.send('help');
        await ui.waitForCardText('pupil’s name');
      });
    } finally {
      await dsl.stop();
    }
  });
});
