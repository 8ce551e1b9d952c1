/**
 * A check-in end to end in the Microsoft 365 Agents Playground: the teacher posts one with the
 * `checkin` card, the delivery engine posts it into the channel as a new thread, three pupils
 * answer it (each click is theirs: the Playground honours `from` on card actions) and each sees
 * their own answer; the teacher pressing a face is told it is for pupils; at closing time (the
 * server's dev clock) the card is updated to "closed" for everyone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchool } from '../../server/demo/demo-school.js';
import { callApi, demoPerson, devToken } from '../support/api-client.js';
import { launchBrowser } from '../support/browser.js';
import { moveServerClock } from '../support/clock.js';
import { PlaygroundUi } from '../support/playground-ui.js';
import { openSafeguardingChats } from '../support/safeguarding.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({
    playground: true,
    // The check-in this suite posts is the class's only one (no demo history).
    env: { DEV_CLOCK: 'true', SCHEDULER_TICK_MS: '250', DEMO_CHECKINS: 'false' },
  });
  // The DSL and the deputy have opened Belong in Teams: the school can take talk requests, so
  // check-ins may go out.
  await openSafeguardingChats(stack.baseUrl, stack.playgroundConnectorUrl!);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function inChannel<T>(fn: (ui: PlaygroundUi, page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    const ui = new PlaygroundUi(page);
    await ui.open(stack.playgroundUrl!);
    await ui.openChannel('Class 7B', 'General');
    return await fn(ui, page);
  } finally {
    await page.close();
  }
}

describe('a check-in in the Agents Playground', () => {
  it('pupils answer and each sees their own answer; the teacher is told it is for pupils; it closes', async () => {
    await inChannel(async (ui) => {
      const token = await devToken(stack.baseUrl, demoPerson('teacher').id);
      // Posted at 10:00 the next day (the dev clock only moves forward).
      const morning = new Date(stack.clock.now().getTime() + 864e5);
      morning.setUTCHours(10, 0, 0, 0);
      const moved = await moveServerClock(stack.baseUrl, morning);
      expect(moved.status).toBe(200);
      const day = new Intl.DateTimeFormat('en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'Europe/London',
      }).format(morning);

      await ui.sendToBot('checkin');
      const form = await ui.waitForCardText('Post a check-in');
      await form.getByRole('radio', { name: 'Older pupils (KS3–4)' }).click();
      await ui.clickCardAction(form, 'Post now');
      const sent = await ui.waitForCardText('Check-in on its way');
      expect(await sent.innerText()).toContain(`It closes ${day} at 17:00`);

      // The engine posts the card as a new thread.
      let card = await ui.waitForCardText('How are you feeling today?', 30_000);
      for (const face of ['😞 Awful', '🙁 Not great', '😐 OK', '🙂 Good', '😄 Great', 'Skip']) {
        expect(await card.getByRole('button', { name: face, exact: true }).count()).toBe(1);
      }

      // Three pupils answer, one after another, each from the card as it is then shown.
      const answers: [string, string, string][] = [
        ['Amir Hassan', '🙂 Good', 'You chose 🙂 Good.'],
        ['Cai Williams', '😄 Great', 'You chose 😄 Great.'],
        ['Dara Okafor', '🙁 Not great', 'You chose 🙁 Not great.'],
      ];
      for (const [pupil, face, seen] of answers) {
        await ui.switchUser(pupil);
        if ((await card.getByRole('button', { name: face, exact: true }).count()) === 0) {
          // The card shows the previous pupil's answer: "Change it" gives this pupil the faces.
          await ui.clickCardAction(card, 'Change it');
          card = await ui.waitForCardText('Tap the one that fits you.');
        }
        await ui.clickCardAction(card, face);
        card = await ui.waitForCardText(seen);
        // The first answer says, once, who sees what.
        expect(await card.innerText()).toContain('Your teacher sees how the class feels');
      }

      // Amir changes his mind: his own card, his own answer, and still one answer from him.
      await ui.switchUser('Amir Hassan');
      await ui.clickCardAction(card, 'Change it');
      card = await ui.waitForCardText('Tap the one that fits you.');
      await ui.clickCardAction(card, '😐 OK');
      card = await ui.waitForCardText('You chose 😐 OK.');
      expect(await card.innerText()).not.toContain('Your teacher sees');

      // The teacher pressing the card's button is told it is for pupils.
      await ui.switchUser(undefined);
      await ui.clickCardAction(card, 'Change it');
      const forPupils = await ui.waitForCardText('This check-in is for pupils');
      expect(await forPupils.innerText()).toContain('never who said what');

      // Three answers stored, against pseudonyms; the teacher sees no individual answer anywhere.
      const list = await callApi(
        stack.baseUrl,
        'GET',
        `/api/teams/${encodeURIComponent(demoSchool.team.id)}/checkins`,
        token,
      );
      const [posted] = list.body.checkins as { checkinId: string; open: boolean }[];
      expect(posted!.open).toBe(true);
      expect(JSON.stringify(list.body)).not.toMatch(/Amir|Cai|Dara|points/);

      // A minute after closing time the scheduler closes it: the card becomes "closed" for all.
      const closesAt = Date.parse((list.body.checkins[0] as { closesAt: string }).closesAt);
      expect((await moveServerClock(stack.baseUrl, new Date(closesAt + 90_000))).status).toBe(200);
      await ui.waitForCardText('This check-in has closed', 30_000);
      await expect
        .poll(async () => {
          const after = await callApi(
            stack.baseUrl,
            'GET',
            `/api/teams/${encodeURIComponent(demoSchool.team.id)}/checkins`,
            token,
          );
          return after.body.checkins[0].open;
        })
        .toBe(false);
      // Each pupil's own history has their own answer, and only theirs.
      const amir = await devToken(stack.baseUrl, demoPerson('pupil').id);
      const mine = await callApi(stack.baseUrl, 'GET', '/api/me/checkins', amir);
      expect(mine.body.checkins).toEqual([
        expect.objectContaining({
          checkinId: posted!.checkinId,
          answer: { points: { mood: 3 }, skipped: false },
        }),
      ]);
    });
  });
});
