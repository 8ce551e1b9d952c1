/**
 * School trends in the tab, in Chromium against the real server process (local mode, demo school
 * seeded). The closed check-ins are written through CheckinStore on the server's own tables, as
 * the bot's answer path and the scheduler would leave them (made-up pseudonyms, since only the
 * demo class's six pupils could answer through the bot): Class 7B answers three daily moods in
 * one week and one in the next, and a second class, 8C, answers two in the first week. The
 * wellbeing lead sees the heat map withhold small groups as "hidden", lowers k in
 * the settings (after a refusal in words) and sees the weeks already shown stay as they were (a
 * new k applies from the next week, decision 012), downloads the CSV, switches to terms and moves
 * through it all with the keyboard; the admin sees only the settings; a teacher gets no data. Axe (WCAG 2.1 A/AA) runs on each view.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkin } from '../../core/checkin/checkin.js';
import { CheckinStore } from '../../core/checkin/checkin-store.js';
import { TeamStore } from '../../core/stores/team-store.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
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

const tenantId = demoSchool.tenantId;
const class7B = demoSchool.team.id;
const class8C = '19:class-8c-general@thread.tacv2';

let tab: TabStack;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // No scheduler: these check-ins were never posted, so nothing should try to close their cards.
  // The check-ins are this suite's own (below), not the demo's history.
  tab = await startTabStack({
    env: { SCHEDULER_WORKER: 'false', DEMO_CHECKINS: 'false' },
  });
  ({ stack, browser } = tab);

  const tables = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: stack.azurite.connectionString },
    stack.tablePrefix,
  );
  await new TeamStore(tables).recordInstall(
    tenantId,
    {
      teamId: class8C,
      name: 'Class 8C',
      serviceUrl: 'http://127.0.0.1:9/_connector',
      channels: [{ id: class8C, name: 'General' }],
    },
    stack.clock.now(),
  );
  const checkins = new CheckinStore(tables);
  const closed = async (
    templateId: Checkin['templateId'],
    teamId: string,
    date: string,
    answers: Record<string, number>[],
    classSize: number,
  ) => {
    const checkin: Checkin = {
      id: `e2e-${templateId}-${teamId.slice(9, 11)}-${date}`,
      teamId,
      channelId: teamId,
      templateId,
      phase: 'secondary',
      locale: 'en-GB',
      date,
      closesAt: `${date}T17:00:00.000Z`,
      timeZone: 'Europe/London',
      classSize,
      createdAt: `${date}T08:00:00.000Z`,
    };
    await checkins.create(tenantId, checkin);
    await Promise.all(
      answers.map((points, i) =>
        checkins.answer(
          tenantId,
          checkin.id,
          `made-up-${i}`,
          { points: points as Record<string, 1>, skipped: false },
          new Date(`${date}T09:00:00Z`),
        ),
      ),
    );
    await checkins.markClosed(tenantId, checkin);
  };
  const closedMood = (teamId: string, date: string, points: number[], classSize: number) =>
    closed(
      'daily-mood',
      teamId,
      date,
      points.map((mood) => ({ mood })),
      classSize,
    );
  // 7B: all six feel good on three days, then three answer one day the week after.
  for (const date of ['2026-11-09', '2026-11-10', '2026-11-11']) {
    await closedMood(class7B, date, [5, 5, 4, 4, 4, 4], 6);
  }
  await closedMood(class7B, '2026-11-16', [4, 4, 3], 6);
  // 8C: twenty of twenty-five answer, across the scale, twice in the first week.
  for (const date of ['2026-11-09', '2026-11-10']) {
    await closedMood(
      class8C,
      date,
      [5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1],
      25,
    );
  }
  // 8C also answers the termly questionnaire once: 12 of them feel safe (4–5), 8 are not sure.
  await closed(
    'termly-belonging',
    class8C,
    '2026-11-12',
    [...Array<number>(12).fill(4), ...Array<number>(8).fill(3)].map((safe) => ({ safe })),
    25,
  );
});

afterAll(async () => {
  await tab?.stop();
});

describe('School trends in the tab', () => {
  it('the wellbeing lead reads the heat map, lowers k and sees the weeks already shown stay as they were, downloads the CSV and uses the keyboard', async () => {
    await withPage(browser, async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openTabAs(page, stack.baseUrl, 'Mrs Helen Jones');
      await nav(page).getByRole('link', { name: 'School trends' }).click();
      await expect.poll(() => heading(page, 'School trends')).toBe(true);

      // k = 10: every class and year group is too small; the whole school shows its total and
      // "4–5" (both it and "1–3" describe at least 10 pupils).
      const map = heatMap(page);
      await expect.poll(() => map.isVisible()).toBe(true);
      expect(await page.getByLabel('Question').inputValue()).toBe('mood');
      await expect.poll(() => rowText(page, 'Class 7B')).toContain('hidden');
      expect(await rowText(page, 'Class 8C')).toContain('hidden');
      expect(await rowText(page, 'Year group not set')).toContain('hidden');
      const school = await rowText(page, 'Whole school');
      expect(school).toContain('58 answers');
      expect(school).toContain('66% at 4–5');
      expect(school).toContain('90% answered');
      // Nothing withheld is ever shown as a number of 0.
      expect(await map.innerText()).not.toMatch(/(^|\s)0 answers|(^|\s)0%/);
      await expectText(page, 'Groups smaller than 10 are never shown');
      await expectText(page, 'Hidden to protect small groups: fewer than 10 answers');
      await expectAccessible(page, 'school trends at k = 10');

      // k = 4 is refused in words, and nothing changes.
      const k = page.getByLabel('Smallest group shown (k)');
      expect(await k.inputValue()).toBe('10');
      await k.fill('4');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectText(page, 'The smallest group shown must be 5 or more.');
      expect((await settingsAs('wellbeing_lead')).k).toBe(10);
      await expectAccessible(page, 'settings with a problem');

      // k = 5 and Class 7B in Year 7: saved. The weeks already shown keep the figures they were
      // first shown with (decision 012): nothing to subtract from them.
      await k.fill('5');
      await page.getByLabel('Year group for Class 7B').selectOption('7');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectText(
        page,
        'Saved. Weeks and terms shown from now on use these settings; those already shown stay as they were.',
      );
      expect(await settingsAs('wellbeing_lead')).toEqual({ k: 5, yearGroups: { [class7B]: '7' } });
      await expectText(page, 'Groups smaller than 5 are never shown');
      expect(await rowText(page, 'Class 8C')).toContain('hidden');
      expect(await rowText(page, 'Class 7B')).toContain('hidden');
      expect(await rowText(page, 'Year group not set')).toContain('hidden');
      expect(await rowText(page, 'Whole school')).toContain('66% at 4–5');
      expect(await rowText(page, 'Whole school')).toContain('58 answers');
      // The cell's colour follows its share; its words say the same.
      const shown = map.locator('td[data-cell="share"]');
      await expect.poll(() => shown.count()).toBeGreaterThan(0);
      expect(await map.locator('td[data-cell="withheld"]').count()).toBeGreaterThan(0);
      expect(await map.locator('td[data-cell="none"]').count()).toBeGreaterThan(0);
      await expectText(page, 'Groups smaller than 5 are never shown');
      await expectAccessible(page, 'school trends at k = 5');

      // The CSV: the server's export, saved from a blob link.
      const downloadEvent = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download (CSV)' }).click();
      const download = await downloadEvent;
      expect(download.suggestedFilename()).toBe('belong-checkins-mood-week.csv');
      const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
      // The byte order mark comes through the tab's blob, so Excel reads the file as UTF-8.
      expect(csv[0]).toBe('\uFEFFlevel,name,year group,period,starts,answers,1,2,3,4,5');
      expect(csv).toContain('class,Class 8C,,Autumn 2026,2026-11-09,,,,,,');
      expect(csv).toContain('school,,,Autumn 2026,2026-11-09,60,,,,,');

      // Keyboard: from the question, Tab reaches the period, the download and the heat map.
      await page.getByLabel('Question').focus();
      const reached: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(focused));
      }
      expect(reached).toContain('radio:week');
      expect(reached).toContain('button:Download (CSV)');
      expect(reached).toContain('heat-map');
      // Arrow keys move between Weeks and Terms; Terms come from the termly questionnaire only.
      await page.getByRole('radio', { name: 'Weeks' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('radio', { name: 'Terms' }).isChecked()).toBe(true);
      await expectText(page, 'No termly questionnaire with this question has closed yet.');
      await expectText(page, 'Terms come from the termly belonging questionnaire only');
      await expectAccessible(page, 'school trends by term, no mood');
      // The autumn term is not over yet, so its termly questionnaire is not shown (a term is
      // published once it has ended and all its check-ins have closed, decision 012).
      expect(await page.getByRole('option', { name: 'Safe at school' }).count()).toBe(0);
    });
  });

  it('the admin sees only the settings; a teacher gets no data', async () => {
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Mr Ian Reid');
      await nav(page).getByRole('link', { name: 'School trends' }).click();
      await expectText(page, 'Trends are for the wellbeing lead.');
      await expect.poll(() => page.getByLabel('Smallest group shown (k)').count()).toBe(1);
      expect(await heatMap(page).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Download (CSV)' }).count()).toBe(0);
      await expectAccessible(page, 'admin settings');
    });
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
      expect(await nav(page).getByRole('link', { name: 'School trends' }).count()).toBe(0);
      await page.goto(`${stack.baseUrl}/tab/#/trends`);
      await expectText(page, 'School trends are for the wellbeing lead.');
      expect(await heatMap(page).count()).toBe(0);
      expect(await page.getByLabel('Smallest group shown (k)').count()).toBe(0);
      await expectAccessible(page, 'teacher on #/trends');
    });
    // The server refuses her too.
    const teacher = await devToken(stack.baseUrl, demoPerson('teacher').id);
    for (const p of ['/api/school/checkins/trends', '/api/school/checkin-settings']) {
      expect((await callApi(stack.baseUrl, 'GET', p, teacher)).status, p).toBe(403);
    }
  });
});

async function settingsAs(kind: string) {
  const token = await devToken(stack.baseUrl, demoPerson(kind).id);
  return (await callApi(stack.baseUrl, 'GET', '/api/school/checkin-settings', token)).body as {
    k: number;
    yearGroups: Record<string, string>;
  };
}

const heatMap = (page: Page) => page.getByTestId('heat-map');
const rowText = (page: Page, name: string) =>
  heatMap(page)
    .getByRole('row')
    // A class's header also names its year group ("Class 7B Year 7"): match from the start.
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) })
    .first()
    .innerText();

/** What has the keyboard focus, in the page: a test id, a radio's value or a button's words. */
function focused(): string {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement)) return '';
  if (element.dataset.testid) return element.dataset.testid;
  if (element instanceof HTMLInputElement && element.type === 'radio')
    return `radio:${element.value}`;
  if (element.tagName === 'BUTTON') return `button:${element.textContent?.trim() ?? ''}`;
  return element.tagName.toLowerCase();
}
