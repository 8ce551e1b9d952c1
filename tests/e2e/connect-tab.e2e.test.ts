/**
 * Connect in the tab, in Chromium against the real server in local mode (demo school seeded):
 * the teacher plans, previews and cancels a weekly prompt for Class 7B and is told about a bad end
 * date; the wellbeing lead adds an INSET day and sees the CMHW planner; pupils see none of it.
 * Axe (WCAG 2.1 A/AA) runs on each view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPrompts } from '../../core/content/content.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { callApi, demoPerson, devToken } from '../support/api-client.js';
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
import { addDays } from '../../core/dates.js';
import { expectTidy } from '../support/layout.js';

const schedulesPath = `/api/teams/${encodeURIComponent(demoSchool.team.id)}/schedules`;
const kindnessPrompt = findPrompts({ theme: 'kindness' })[0]!.text['en-GB'];

let tab: TabStack;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // The Playground's school only: the teacher's Posts start empty, which the richer demo's
  // finished CMHW week would not (decision 025).
  tab = await startTabStack({ env: { DEMO_CHECKINS: 'false' } });
  ({ stack, browser } = tab);
});

afterAll(async () => {
  await tab?.stop();
});

describe('Connect in the tab', () => {
  it('a teacher plans a weekly prompt for Class 7B, previews it, is told about a bad end date, and cancels it', async () => {
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
      await nav(page).getByRole('link', { name: 'Posts' }).click();
      await expect.poll(() => heading(page, 'Posts for Class 7B')).toBe(true);
      await expectText(page, 'Nothing is planned for this class yet.');
      await expectAccessible(page, 'empty Posts view');

      await page.getByRole('radio', { name: 'Every week on chosen days' }).check();
      await page.getByLabel('Theme').selectOption('kindness');
      const prompts = page.getByRole('radiogroup', { name: 'Prompt' });
      await prompts.getByRole('radio', { name: kindnessPrompt }).check();
      await page.getByRole('checkbox', { name: 'Wednesday' }).check();
      expect(await page.getByRole('checkbox', { name: 'Monday' }).isChecked()).toBe(true);
      expect(await page.getByLabel('Time (school time)').inputValue()).toBe('08:50');

      // The live preview is the bot's own card, drawn by the Adaptive Cards renderer.
      const preview = page.getByTestId('card-preview');
      await expect.poll(() => preview.locator('.ac-adaptiveCard').count()).toBe(1);
      await expect.poll(() => preview.innerText()).toContain(kindnessPrompt);
      await expect.poll(() => preview.innerText()).toContain('Reply in this thread');

      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await expectText(page, 'Scheduled. Next post:');
      const planned = page.getByRole('region', { name: 'Planned posts' }).getByRole('listitem');
      await expect.poll(() => planned.count()).toBe(1);
      await expect
        .poll(() => planned.first().innerText())
        .toMatch(/Every Monday and Wednesday at 08:50, from/);
      await expect.poll(() => planned.first().innerText()).toContain(kindnessPrompt);
      await expect.poll(() => planned.first().innerText()).toContain('General');

      // "Coming up" lists the next posts, a day at a time, only on Mondays and Wednesdays.
      const days = page
        .getByRole('region', { name: 'Coming up' })
        .getByRole('heading', { level: 4 });
      await expect.poll(() => days.count()).toBeGreaterThan(0);
      for (const day of await days.allInnerTexts()) expect(day).toMatch(/^(Monday|Wednesday)\b/);
      await expectAccessible(page, 'Posts view with a schedule');
      // Nothing spills or hides a control, wide and on a phone.
      await expectTidy(page.locator('main'), 'Posts at 1280 px');
      await page.setViewportSize({ width: 400, height: 900 });
      await expectTidy(page.locator('main'), 'Posts at 400 px');
      await page.setViewportSize({ width: 1280, height: 900 });

      // An end date before the start: the server's problem, in words; nothing is added.
      const start = await page.getByLabel('First day').inputValue();
      await page.getByLabel('Last day (optional)').fill(dayBefore(start));
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Please change this' });
      await expect
        .poll(() => alert.innerText())
        .toContain('The end date is before the start date.');
      await expect.poll(() => planned.count()).toBe(1);
      expect((await schedulesAs('teacher')).length).toBe(1);
      await expectAccessible(page, 'Posts view with a problem');

      // Change it: the form opens filled in; a new time is saved and shown.
      await page.getByRole('button', { name: /^Change “/ }).click();
      await expect.poll(() => page.getByLabel('Time (school time)').inputValue()).toBe('08:50');
      await page.getByLabel('Time (school time)').fill('09:15');
      await page.getByLabel('Last day (optional)').fill('');
      await page.getByRole('button', { name: 'Save changes', exact: true }).click();
      await expect.poll(() => planned.first().innerText()).toMatch(/at 09:15, from/);
      expect((await schedulesAs('teacher'))[0]?.schedule.time).toBe('09:15');
      await page.getByRole('button', { name: 'Stop changing' }).click();

      // Cancel needs a confirmation; the keyboard opens and closes the dialog.
      const cancel = page.getByRole('button', { name: /^Cancel “/ });
      await cancel.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Cancel this schedule?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expectAccessible(page, 'cancel dialog');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect((await schedulesAs('teacher'))[0]?.schedule.status).toBe('active');

      await cancel.click();
      await dialog.getByRole('button', { name: 'Cancel the schedule' }).click();
      await expect.poll(() => planned.first().innerText()).toContain('Cancelled');
      await expect.poll(() => cancel.count()).toBe(0);
      await expectText(page, 'No posts are coming up.');
      expect((await schedulesAs('teacher'))[0]?.schedule.status).toBe('cancelled');
    });
  }, 120_000); // many screens, at two widths: past vitest's minute on a busy 2-core machine

  it('the wellbeing lead adds an INSET day to the school calendar and sees the CMHW planner', async () => {
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Mrs Helen Jones');
      await nav(page).getByRole('link', { name: 'School calendar' }).click();
      await expect.poll(() => heading(page, 'School calendar')).toBe(true);
      const closures = page.getByRole('table', { name: 'Holidays and closures' });
      const seeded = (await closures.getByRole('row').count()) - 1;
      const row = `closure ${seeded + 1}`;

      // Late in the summer term, so it is still the last row once the server sorts by date.
      await page.getByRole('button', { name: 'Add a closure' }).click();
      await page.getByLabel(`Name, ${row}`).fill('INSET day');
      await page.getByLabel(`Kind, ${row}`).selectOption('inset');
      await page.getByLabel(`First day, ${row}`).fill('2027-07-20');
      expect(await page.getByLabel(`Last day, ${row}`).inputValue()).toBe('2027-07-20');
      await expectAccessible(page, 'calendar editor');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expectText(page, 'Saved. School-day posts follow the new calendar.');

      const token = await devToken(stack.baseUrl, demoPerson('wellbeing_lead').id);
      const stored = await callApi(stack.baseUrl, 'GET', '/api/school/calendar', token);
      expect(stored.body.calendar.closures).toHaveLength(seeded + 1);
      expect(stored.body.calendar.closures.at(-1)).toEqual({
        name: 'INSET day',
        kind: 'inset',
        start: '2027-07-20',
        end: '2027-07-20',
      });

      // A closure that ends before it starts: refused, in words, and the saved one stays.
      await page.getByLabel(`Last day, ${row}`).fill('2027-07-19');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expectText(page, 'A term or closure ends before it starts.');
      const after = await callApi(stack.baseUrl, 'GET', '/api/school/calendar', token);
      expect(after.body.calendar.closures.at(-1).end).toBe('2027-07-20');

      await nav(page).getByRole('link', { name: 'CMHW week' }).click();
      await expect.poll(() => heading(page, 'Children’s Mental Health Week')).toBe(true);
      const cmhw = await callApi(stack.baseUrl, 'GET', '/api/cmhw', token);
      const open = (cmhw.body.weeks as { startDate: string }[]).some(
        (week) => addDays(week.startDate, 4) >= cmhw.body.today,
      );
      if (open) {
        await expect.poll(() => page.getByRole('checkbox', { name: 'Class 7B' }).count()).toBe(1);
      } else {
        await expectText(page, 'The next Children’s Mental Health Week is not in Belong yet.');
      }
      await expectAccessible(page, 'CMHW planner');
    });
  });

  it('pupils are offered none of it', async () => {
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Amir Hassan');
      // Their only section is their own check-ins.
      expect(await nav(page).getByRole('link').allInnerTexts()).toEqual(['Home', 'My check-ins']);
      await page.goto(`${stack.baseUrl}/tab/#/posts`);
      await expectText(page, 'You can plan posts for the classes you teach.');
      await page.goto(`${stack.baseUrl}/tab/#/calendar`);
      await expectText(page, 'You do not have access to this.');
    });
  });
});

async function schedulesAs(kind: string) {
  const token = await devToken(stack.baseUrl, demoPerson(kind).id);
  const res = await callApi(stack.baseUrl, 'GET', schedulesPath, token);
  return res.body.schedules as { schedule: { status: string; time: string } }[];
}

const dayBefore = (date: string) => addDays(date, -1);
