/**
 * Asking to talk end to end in the Microsoft 365 Agents Playground (issue 17). Four Playgrounds
 * point at one server: Class 7B's (the teacher, who is its current user, and five pupils), the
 * DSL's and the deputy DSL's (each the current user of their own personal chat with Belong), and,
 * for the second case, a pupil's own personal chat.
 *
 * 1. From a check-in card: the teacher posts a check-in, Amir answers 😞 and his own view offers,
 *    gently, to talk; he asks; the DSL's and the deputy's chats get the card with his name; the
 *    DSL acknowledges and adds a note; the deputy's card updates to say who acknowledged; Amir's
 *    check-in card then says an adult has seen it.
 * 2. From personal chat: Cai types `talk`, asks; the DSL acknowledges; Cai's chat is told.
 *
 * With BELONG_SHOTS_DIR set, the cards are also photographed at 1280 and 400 px wide, for a person
 * to look at.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { PlaygroundUi } from '../support/playground-ui.js';
import {
  demoPlaygroundIds,
  playgroundApi,
  startPlayground,
  type RunningPlayground,
} from '../support/playground.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let browser: Browser;
const staff: Record<'dsl' | 'deputy', RunningPlayground | undefined> = {
  dsl: undefined,
  deputy: undefined,
};
const pages: Page[] = [];

beforeAll(async () => {
  stack = await startStack({
    playground: true,
    env: { DEV_CLOCK: 'true', SCHEDULER_TICK_MS: '250', DEMO_CHECKINS: 'false' },
  });
  const botEndpoint = `${stack.baseUrl}/api/messages`;
  // As if the DSL and the deputy had opened Belong in Teams: Belong can then message them, and
  // the school can take requests (it needs two safeguarding adults it can reach).
  staff.dsl = await startPlayground({ botEndpoint, currentUser: 'Ms Ruth Evans' });
  staff.deputy = await startPlayground({ botEndpoint, currentUser: 'Mr Owen Davies' });
  for (const pg of [staff.dsl, staff.deputy])
    await playgroundApi.install(pg.url, demoPlaygroundIds.personalChatId);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await browser?.close();
  await staff.dsl?.stop();
  await staff.deputy?.stop();
  await stack?.stop();
});

async function openPage(url: string): Promise<PlaygroundUi> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pages.push(page);
  const ui = new PlaygroundUi(page);
  await ui.open(url);
  return ui;
}

/**
 * The DSL's or deputy's Playground page, opened once: the Playground pushes each new message to
 * the page that is connected (it buffers them only while none is), so a second page of the same
 * Playground would miss what the first one was sent.
 */
const staffPages: Partial<Record<'dsl' | 'deputy', Promise<PlaygroundUi>>> = {};
function staffUi(who: 'dsl' | 'deputy'): Promise<PlaygroundUi> {
  staffPages[who] ??= openPage(staff[who]!.url).then(async (ui) => {
    await ui.openPersonalChat();
    return ui;
  });
  return staffPages[who];
}

/** The staff card about one pupil in a staff Playground's personal chat. */
async function staffCardAbout(ui: PlaygroundUi, pupil: string, text: string): Promise<Locator> {
  const card = ui.page
    .locator('.ac-adaptiveCard', { hasText: 'A pupil would like to talk' })
    .filter({ hasText: pupil })
    .filter({ hasText: text })
    .last();
  await card.waitFor({ timeout: 30_000 });
  return card;
}

const shotsDir = process.env.BELONG_SHOTS_DIR;

/**
 * Photographs a card (and the page around it) at 1280 and 400 px when BELONG_SHOTS_DIR is set.
 * Light only: the Playground (0.2.28) has no dark theme and ignores prefers-color-scheme. Nor is it
 * responsive: it draws cards about 450 px wide whatever the window, so at 400 px the page crops
 * the card (the card's own picture is whole).
 */
async function shoot(ui: PlaygroundUi, name: string, cardText: string): Promise<void> {
  if (!shotsDir) return;
  await mkdir(shotsDir, { recursive: true });
  const page = ui.page;
  for (const width of [1280, 400]) {
    await page.setViewportSize({ width, height: 900 });
    const card = page.locator('.ac-adaptiveCard', { hasText: cardText }).last();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shotsDir, `${name}-${width}-page.png`) });
    await card.screenshot({ path: path.join(shotsDir, `${name}-${width}-card.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('asking to talk in the Agents Playground', () => {
  it('from a check-in card: 😞 → offered → asked → the DSL and deputy get his name → the DSL acknowledges → his card says an adult has seen it', async () => {
    // The DSL and the deputy have Teams open: the Playground shows a message only on a page that
    // is open when it arrives (one sent before is in its log panel, not in the chat).
    const dslUi = await staffUi('dsl');
    const deputyUi = await staffUi('deputy');
    const classUi = await openPage(stack.playgroundUrl!);
    await classUi.openChannel('Class 7B', 'General');
    await classUi.sendToBot('checkin');
    const form = await classUi.waitForCardText('Post a check-in');
    await form.getByRole('radio', { name: 'Older pupils (KS3–4)' }).click();
    await classUi.clickCardAction(form, 'Post now');
    await classUi.waitForCardText('Check-in on its way');
    let card = await classUi.waitForCardText('How are you feeling today?', 30_000);
    // The posted card (everyone's view) offers no talk: each pupil's own view does.
    expect(await card.innerText()).not.toContain('Would you like to talk');

    await classUi.switchUser('Amir Hassan');
    await classUi.clickCardAction(card, '😞 Awful');
    card = await classUi.waitForCardText('You chose 😞 Awful.');
    expect(await card.innerText()).toContain(
      'Would you like to talk to a trusted adult? You can if you want to.',
    );
    await classUi.clickCardAction(card, 'Talk to a trusted adult');
    card = await classUi.waitForCardText('They will see your name and your class');
    const ask = await card.innerText();
    expect(ask).toContain('You chose 😞 Awful.');
    expect(ask).toContain('they may need to tell other adults');
    expect(ask).toContain('Childline: call 0800 1111');
    await shoot(classUi, 'checkin-ask', 'They will see your name and your class');
    await classUi.clickCardAction(card, 'Ask to talk');
    card = await classUi.waitForCardText('A trusted adult will see this soon.');
    expect(await card.innerText()).not.toContain('Ask to talk');
    await shoot(classUi, 'checkin-sent', 'A trusted adult will see this soon.');

    // The DSL's and the deputy's personal chats get the card, with Amir's name and class.
    for (const ui of [dslUi, deputyUi]) {
      const text = await (
        await staffCardAbout(ui, 'Amir Hassan', 'Nobody has acknowledged')
      ).innerText();
      expect(text).toContain('Class 7B');
      expect(text).toContain('A check-in card');
      expect(text).not.toContain('Awful');
    }
    await shoot(dslUi, 'dsl-new', 'Nobody has acknowledged');

    // The DSL acknowledges and notes what she did, in her Playground.
    let dslCard = await staffCardAbout(dslUi, 'Amir Hassan', 'Nobody has acknowledged');
    await dslUi.clickCardAction(dslCard, 'Acknowledge');
    dslCard = await staffCardAbout(dslUi, 'Amir Hassan', 'Acknowledged by Ms Ruth Evans');
    await dslCard
      .getByRole('textbox', { name: 'Add a note (what you did or will do)' })
      .fill('Spoke to Amir at break. Will check in on Friday.');
    await dslUi.clickCardAction(dslCard, 'Save note');
    dslCard = await staffCardAbout(dslUi, 'Amir Hassan', 'Will check in on Friday.');
    expect(await dslCard.innerText()).toContain('Acknowledged by Ms Ruth Evans');
    await shoot(dslUi, 'dsl-acknowledged-note', 'Will check in on Friday.');

    // The deputy's copy is updated to say who acknowledged: nobody goes to find Amir twice.
    await staffCardAbout(deputyUi, 'Amir Hassan', 'Acknowledged by Ms Ruth Evans');

    // Amir's own check-in card, when he next taps it, says an adult has seen it.
    await classUi.clickCardAction(card, 'Change it');
    card = await classUi.waitForCardText('An adult has seen this and will find you.');
    expect(await card.innerText()).not.toContain('Ask to talk');
    await shoot(classUi, 'checkin-seen', 'An adult has seen this and will find you.');
  }, 180_000);

  it('from personal chat: Cai types talk and asks; the DSL acknowledges; Cai’s chat is told', async () => {
    const cais = await startPlayground({
      botEndpoint: `${stack.baseUrl}/api/messages`,
      currentUser: 'Cai Williams',
    });
    try {
      const caiUi = await openPage(cais.url);
      await caiUi.openPersonalChat();
      await caiUi.send('talk');
      let card = await caiUi.waitForCardText('They will see your name and your class');
      expect(await card.innerText()).toContain('Shout: text SHOUT to 85258');
      await shoot(caiUi, 'chat-ask', 'They will see your name and your class');
      await card.getByRole('radio', { name: 'Today' }).click();
      await caiUi.clickCardAction(card, 'Ask to talk');
      card = await caiUi.waitForCardText('A trusted adult will see this soon.');
      await shoot(caiUi, 'chat-sent', 'A trusted adult will see this soon.');

      const dslUi = await staffUi('dsl');
      const dslCard = await staffCardAbout(dslUi, 'Cai Williams', 'Nobody has acknowledged');
      const text = await dslCard.innerText();
      expect(text).toContain('A chat with Belong');
      expect(text).toContain('Today');
      await dslUi.clickCardAction(dslCard, 'Acknowledge');
      await staffCardAbout(dslUi, 'Cai Williams', 'Acknowledged by Ms Ruth Evans');

      // Cai's chat gets a message, and his talk card, opened again, says the same.
      await caiUi.waitForText('An adult has seen this and will find you.', 30_000);
      await shoot(caiUi, 'chat-seen', 'An adult has seen this and will find you.');
      await caiUi.send('talk');
      await expect
        .poll(async () =>
          caiUi.page.locator('.ac-adaptiveCard', { hasText: 'An adult has seen this' }).count(),
        )
        .toBeGreaterThanOrEqual(2);
    } finally {
      await cais.stop();
    }
  }, 180_000);
});
