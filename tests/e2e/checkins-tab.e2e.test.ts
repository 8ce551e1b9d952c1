/**
 * Check-ins in the tab, in Chromium against the real server in local mode (demo school seeded).
 * Closed check-ins of Class 7B from an earlier week are made through the server's own CheckinStore
 * on its tables (as the scheduler would leave them: answers from made-up pupils, then closed):
 * three daily moods answered by 12 pupils each and a belonging pulse answered by 6. Ms Khan sees
 * the mood trend with its response rate, every withheld number as "hidden", and
 * that check-ins cannot start until two safeguarding adults have opened Belong; once the DSL and
 * the deputy have, she posts a check-in from the tab with the keyboard and sees it open; she also
 * plans a check-in in Posts.
 * Amir answers it through the bot (an adaptiveCard/action invoke at /api/messages) and sees it in
 * My check-ins; Cai, who answered nothing, sees the empty page. Axe (WCAG 2.1 A/AA) on each view.
 * The tests run in order.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkin } from '../../core/checkin/checkin.js';
import { CheckinStore } from '../../core/checkin/checkin-store.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { cardAction, person, postActivity } from '../support/activities.js';
import { callApi, demoPerson, devToken } from '../support/api-client.js';
import { openSafeguardingChats } from '../support/safeguarding.js';
import type { Stack } from '../support/stack.js';
import { startTabStack, type TabStack } from '../support/tab-stack.js';
import {
  expectAccessible,
  expectText,
  heading,
  nav,
  openTabAs,
  withPage,
} from '../support/tab-page.js';
import { addDays, localDateOf, weekdayOf } from '../../core/dates.js';

const longTest = 180_000;
const tenantId = demoSchool.tenantId;
const teamId = demoSchool.team.id;
const checkinsPath = `/api/teams/${encodeURIComponent(teamId)}/checkins`;

let tab: TabStack;
let stack: Stack;
let browser: Browser;
/** The Monday of the seeded week: two weeks before this one. */
let monday: string;

/** A closed check-in of Class 7B on `date`, answered by made-up pupils with these points. */
async function closedCheckin(
  store: CheckinStore,
  templateId: Checkin['templateId'],
  date: string,
  answers: Record<string, 1 | 2 | 3 | 4 | 5>[],
) {
  const checkin: Checkin = {
    id: `seed-${templateId}-${date}`,
    teamId,
    channelId: demoSchool.team.generalChannelId,
    templateId,
    phase: 'secondary',
    locale: 'en-GB',
    date,
    closesAt: `${date}T17:00:00.000Z`,
    timeZone: 'Europe/London',
    classSize: 30,
    createdAt: `${date}T08:50:00.000Z`,
  };
  await store.create(tenantId, checkin);
  for (const [i, points] of answers.entries()) {
    await store.answer(
      tenantId,
      checkin.id,
      `made-up-${i}`,
      { points, skipped: false },
      new Date(`${date}T09:00:00Z`),
    );
  }
  await store.markClosed(tenantId, checkin);
}

beforeAll(async () => {
  // The class's check-ins are this suite's own (below), not the demo's history.
  tab = await startTabStack({ env: { DEMO_CHECKINS: 'false' } });
  ({ stack, browser } = tab);

  const tables = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: stack.azurite.connectionString },
    stack.tablePrefix,
  );
  const store = new CheckinStore(tables);
  const today = localDateOf(stack.clock.now(), 'Europe/London');
  monday = addDays(today, -(weekdayOf(today) - 1) - 14);
  // Each day 11 pupils feel good and 1 awful: the week's total shows, the awful one never does.
  const mood = [...Array<{ mood: 4 }>(11).fill({ mood: 4 }), { mood: 1 as const }];
  for (const day of [0, 1, 2]) {
    await closedCheckin(store, 'daily-mood', addDays(monday, day), mood);
  }
  // Six pupils answer the pulse: fewer than k, so every number about it is withheld.
  const pulse = { connected: 4, safe: 5, respected: 3, purpose: 4 } as const;
  await closedCheckin(store, 'belonging-pulse', addDays(monday, 3), Array(6).fill(pulse));
}, 240_000);

afterAll(async () => {
  await tab?.stop();
});

describe('Check-ins in the tab', () => {
  it(
    'the teacher sees the class trend, withheld numbers in words and the response rate',
    async () => {
      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
        await nav(page).getByRole('link', { name: 'Check-ins' }).click();
        await expect.poll(() => heading(page, 'Check-ins for Class 7B')).toBe(true);
        await expectText(page, 'A number is hidden when fewer than 10 answers make it');

        const mood = page.getByRole('table', { name: 'Mood by week: the numbers' });
        const week = mood.getByRole('row').nth(1);
        await expect.poll(() => week.innerText()).toContain('36');
        await expect.poll(() => week.innerText()).toContain('40%');
        // The one awful answer a day is withheld, and so is "good", which would give it away.
        await expect.poll(() => week.innerText()).toContain('hidden');
        expect(await week.getByRole('rowheader').innerText()).toMatch(/^Week of \d+ \w+ \d{4}$/);

        const safe = page.getByRole('table', { name: 'Safe: the numbers' });
        const cells = await safe.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
        expect(cells).toEqual(Array(4).fill('hidden'));
        await expectText(page, 'Response rate: 40%');
        // Nobody safeguarding has opened Belong in Teams yet: the form says why, and what to do.
        const post = page.getByRole('region', { name: 'Post a check-in now' });
        await expect.poll(() => post.innerText()).toContain('Check-ins can’t start yet');
        expect(await post.innerText()).toContain(
          'Check-ins start once two safeguarding adults (the DSL or deputies) have opened Belong in Teams. Ask your DSL.',
        );
        expect(await post.getByRole('button', { name: 'Post now' }).count()).toBe(0);

        const recent = page.getByRole('region', { name: 'Recent check-ins' });
        await expect.poll(() => recent.getByRole('row').count()).toBe(5);
        await expect.poll(() => recent.innerText()).toContain('Closed');
        await expectAccessible(page, 'class check-ins with trends');
      });
    },
    longTest,
  );

  it(
    'the teacher posts a check-in from the tab, with the keyboard, and sees it open',
    async () => {
      // The DSL and the deputy open Belong in Teams: the school can take talk requests.
      await openSafeguardingChats(stack.baseUrl, 'http://127.0.0.1:9/_connector');
      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
        await page.goto(`${stack.baseUrl}/tab/#/checkins/${encodeURIComponent(teamId)}`);
        await expect.poll(() => heading(page, 'Check-ins for Class 7B')).toBe(true);

        // The preview is the bot's own card; it follows the choices.
        const preview = page.getByTestId('card-preview');
        await expect.poll(() => preview.locator('.ac-adaptiveCard').count()).toBe(1);
        await expect.poll(() => preview.innerText()).toContain('How do you feel today?');
        await expect.poll(() => preview.innerText()).toContain('Good');

        await page.getByRole('radio', { name: /^How are you today\?/ }).focus();
        await page.keyboard.press('ArrowDown');
        expect(await page.getByRole('radio', { name: /^Belonging check-in/ }).isChecked()).toBe(
          true,
        );
        await expect.poll(() => preview.innerText()).toContain('I feel part of my class.');
        await page.keyboard.press('ArrowUp');
        await page.getByRole('radio', { name: 'Younger pupils (KS1–2)' }).focus();
        await page.keyboard.press('ArrowRight');
        expect(await page.getByRole('radio', { name: 'Older pupils (KS3–4)' }).isChecked()).toBe(
          true,
        );
        await expect.poll(() => preview.innerText()).toContain('How are you feeling today?');
        expect(await page.getByLabel('Channel').inputValue()).toBe(
          demoSchool.team.generalChannelId,
        );
        await expectAccessible(page, 'post a check-in');

        await page.getByRole('button', { name: 'Post now' }).focus();
        await page.keyboard.press('Enter');
        await expectText(page, 'Posted. It appears in General in a moment and closes');
        const recent = page.getByRole('region', { name: 'Recent check-ins' });
        await expect.poll(() => recent.getByRole('row').nth(1).innerText()).toContain('Open until');

        const listed = await checkinsAs('teacher');
        expect(listed.filter((c) => c.open)).toEqual([
          expect.objectContaining({ templateId: 'daily-mood' }),
        ]);
        await expectAccessible(page, 'a check-in posted');
      });
    },
    longTest,
  );

  it(
    'the teacher plans a check-in in Posts and sees the check-in card in the preview',
    async () => {
      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
        await nav(page).getByRole('link', { name: 'Posts' }).click();
        await expect.poll(() => heading(page, 'Posts for Class 7B')).toBe(true);

        await page.getByRole('radio', { name: 'A check-in' }).check();
        await page.getByRole('radio', { name: /^Belonging check-in/ }).check();
        const preview = page.getByTestId('card-preview');
        await expect.poll(() => preview.innerText()).toContain('I feel part of my class.');
        await expectAccessible(page, 'Posts: a check-in');
        await page.getByRole('button', { name: 'Schedule', exact: true }).click();
        await expectText(page, 'Scheduled. Next post:');
        const planned = page.getByRole('region', { name: 'Planned posts' }).getByRole('listitem');
        await expect.poll(() => planned.first().innerText()).toContain('Belonging check-in');

        const token = await devToken(stack.baseUrl, demoPerson('teacher').id);
        const res = await callApi(
          stack.baseUrl,
          'GET',
          `/api/teams/${encodeURIComponent(teamId)}/schedules`,
          token,
        );
        expect(res.body.schedules[0].schedule.content).toEqual({
          kind: 'checkin',
          templateId: 'belonging-pulse',
          phase: 'primary',
        });
      });
    },
    longTest,
  );

  it(
    'a pupil who answered sees their own answer in My check-ins; one who did not sees the empty page',
    async () => {
      const [open] = (await checkinsAs('teacher')).filter((c) => c.open);
      const amir = person('pupil', 0);
      const res = (await postActivity(
        stack.baseUrl,
        cardAction('http://127.0.0.1:9/_connector', amir, {
          action: {
            type: 'Action.Execute',
            verb: 'checkin.answer',
            data: { checkinId: open!.checkinId, 'q.mood': '4' },
          },
        }),
      )) as { status: number; body: unknown };
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain('Good');

      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, amir.displayName);
        await nav(page).getByRole('link', { name: 'My check-ins' }).click();
        await expect.poll(() => heading(page, 'My check-ins')).toBe(true);
        await expectText(
          page,
          'Only you can see this page. Your teacher sees how the class feels, not your name.',
        );
        const items = page.getByRole('list', { name: 'My check-ins' }).getByRole('listitem');
        await expect.poll(() => items.count()).toBe(1);
        const text = await items.first().innerText();
        expect(text).toContain('How are you feeling today?');
        expect(text).toContain('🙂 Good');
        expect(text).toContain('Class 7B');
        expect(text).toContain('Still open. You can change it on the card.');
        await expectAccessible(page, 'My check-ins');
        // Pupils get no class view.
        expect(await nav(page).getByRole('link', { name: 'Check-ins', exact: true }).count()).toBe(
          0,
        );
      });

      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, person('pupil', 1).displayName);
        await nav(page).getByRole('link', { name: 'My check-ins' }).click();
        await expectText(page, 'You have not answered a check-in yet.');
        await expectAccessible(page, 'My check-ins, empty');
      });
    },
    longTest,
  );
});

async function checkinsAs(kind: string) {
  const token = await devToken(stack.baseUrl, demoPerson(kind).id);
  const res = await callApi(stack.baseUrl, 'GET', checkinsPath, token);
  return res.body.checkins as { checkinId: string; templateId: string; open: boolean }[];
}
