/**
 * Connect end to end in the Microsoft 365 Agents Playground: a teacher schedules a prompt with
 * the card form, the server's clock is moved to the morning it is due (local-mode dev clock),
 * and the prompt appears in the chosen channel as a new thread. A pupil asking is refused, and a
 * date in the past comes back on the form with the reason.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptLibrary } from '../../core/content/content.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { callApi, demoPerson, devToken } from '../support/api-client.js';
import { launchBrowser } from '../support/browser.js';
import { moveServerClock } from '../support/clock.js';
import { playgroundApi } from '../support/playground.js';
import { PlaygroundUi } from '../support/playground-ui.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({
    playground: true,
    // The Playground's school only: the teacher's schedules start empty (decision 025).
    env: { DEV_CLOCK: 'true', SCHEDULER_TICK_MS: '250', DEMO_CHECKINS: 'false' },
  });
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

describe('Connect in the Agents Playground', () => {
  it('a pupil typing schedule in the channel is refused politely', async () => {
    await inChannel(async (ui) => {
      await playgroundApi.sendActivity(
        stack.playgroundUrl!,
        playgroundApi.channelMessage(
          { connectorUrl: stack.playgroundConnectorUrl! },
          demoPerson('pupil'),
          demoSchool.team.id,
          'schedule',
        ),
      );
      const card = await ui.waitForCardText('This is for teachers');
      expect(await card.innerText()).toContain('reply to posts in their threads');
    });
  });

  it('a teacher schedules a prompt with the card form; at the due time it appears as a new thread', async () => {
    const prompt = promptLibrary()[0]!;
    await inChannel(async (ui) => {
      // Whatever day this runs, every weekday is a school day: no term dates, no closures.
      const lead = await devToken(stack.baseUrl, demoPerson('wellbeing_lead').id);
      const cleared = await callApi(stack.baseUrl, 'PUT', '/api/school/calendar', lead, {
        terms: [],
        closures: [],
      });
      expect(cleared.status).toBe(200);

      await ui.sendToBot('schedule');
      let form = await ui.waitForCardText('Schedule a post');

      // Weekly with no day ticked comes back on the form, saying why; nothing is stored.
      await form.getByRole('radio', { name: 'Every week on chosen days' }).click();
      await ui.clickCardAction(form, 'Schedule');
      form = await ui.waitForCardText('Please change this and try again');
      expect(await form.innerText()).toContain('Choose at least one weekday.');

      // Every school day from today at 08:50: the first post is the next school morning.
      await form.getByRole('radio', { name: 'Every school day' }).click();
      await ui.clickCardAction(form, 'Schedule');
      const done = await ui.waitForCardText('The first post goes out');
      expect(await done.innerText()).toContain('08:50');

      // Move the server's clock to a minute after the first post is due.
      const token = await devToken(stack.baseUrl, demoPerson('teacher').id);
      const listed = await callApi(
        stack.baseUrl,
        'GET',
        `/api/teams/${encodeURIComponent(demoSchool.team.id)}/schedules`,
        token,
      );
      expect(listed.body.schedules).toHaveLength(1);
      const first = Date.parse(listed.body.schedules[0].upcoming[0].at as string);
      const moved = await moveServerClock(stack.baseUrl, new Date(first + 60_000));
      expect(moved.status).toBe(200);

      const post = await ui.waitForCardText(prompt.text['en-GB'], 30_000);
      expect(await post.innerText()).toContain('Reply in this thread');
      // The teacher can see it was delivered: one new thread, sent.
      const occurrenceId = listed.body.schedules[0].upcoming[0].occurrenceId as string;
      await expect
        .poll(async () => {
          const progress = await callApi(
            stack.baseUrl,
            'GET',
            `/api/occurrences/${encodeURIComponent(occurrenceId)}`,
            token,
          );
          return progress.body?.counts?.sent;
        })
        .toBe(1);
    });
  });
});
