/**
 * Peer support in the tab, in Chromium against the real server in local mode (demo school and its
 * rota seeded). Mr Price, the coordinator, is told why bad dates are refused, raises the weekly
 * maximum, adds a duty nobody can do, clears and fills a week, locks a duty, puts Bethan back on
 * a duty with the keyboard only, downloads the CSV and prints. Bethan, an ambassador, sees her
 * duties, takes cover and a swap other ambassadors asked for, asks for cover herself and changes
 * when she can help. Mr Price approves the cover and the swap she took, gives her own duty to
 * someone else and declines another swap. A pupil is offered none of it. Axe (WCAG 2.1 A/AA) runs on each view. The tests
 * run in order.
 *
 * Only Bethan of the demo ambassadors can sign in, so the requests she takes are made through
 * RotaService on the server's own tables (as the bot would), not through a browser.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../core/access.js';
import { RotaService } from '../../core/rota/rota-service.js';
import { RotaStore } from '../../core/rota/rota-store.js';
import { SchoolStore } from '../../core/stores/school-store.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { csvColumns } from '../../server/http/rota-api.js';
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

// Each test walks through many screens; on a busy 2-core machine that can pass vitest's minute.
const longTest = 180_000;
const bethan = demoPerson('ambassador');

let tab: TabStack;
let stack: Stack;
let browser: Browser;
let service: RotaService;

beforeAll(async () => {
  tab = await startTabStack();
  ({ stack, browser } = tab);
  const tables = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: stack.azurite.connectionString },
    stack.tablePrefix,
  );
  service = new RotaService({
    rotas: new RotaStore(tables),
    schools: new SchoolStore(tables),
    clock: stack.clock,
  });
});

afterAll(async () => {
  await tab?.stop();
});

describe('Peer support in the tab', () => {
  it(
    'the coordinator sets the rota up, clears and fills a week, locks a duty, assigns by keyboard, exports and prints',
    async () => {
      await withPage(browser, async (page) => {
        await page.setViewportSize({ width: 1280, height: 900 });
        await openTabAs(page, stack.baseUrl, 'Mr Gareth Price');
        await nav(page).getByRole('link', { name: 'Peer support' }).click();
        await expect.poll(() => heading(page, 'Peer support rota')).toBe(true);
        await expectAccessible(page, 'coordinator rota');

        // Every control fits its cell and none hides another, wide and on a phone.
        const slotsTable = page.getByRole('table', { name: 'Duties and places' });
        const weekTable = page.getByRole('table', { name: /^Rota for the week of / });
        await expectTidy(slotsTable, 'Duties and places at 1280 px');
        await expectTidy(weekTable, 'the week at 1280 px');
        await page.setViewportSize({ width: 400, height: 900 });
        await expectTidy(slotsTable, 'Duties and places at 400 px');
        await expectTidy(weekTable, 'the week at 400 px');
        await page.setViewportSize({ width: 1280, height: 900 });

        // A refusal is said in words, and nothing changes.
        const lastDay = page.getByLabel('Last day');
        const end = await lastDay.inputValue();
        await lastDay.fill(addDays(await page.getByLabel('First day').inputValue(), -1));
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await expectText(page, 'The end date is before the start date.');
        expect((await as('coordinator', 'GET', '/api/rota')).body.settings.endDate).toBe(end);

        // Everyone has the most duties a week (2), so nobody could cover: allow 3.
        await lastDay.fill(end);
        await page.getByLabel('Most duties a week for one ambassador').fill('3');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await expectText(page, 'Saved.');
        expect((await as('coordinator', 'GET', '/api/rota')).body.settings.maxPerWeek).toBe(3);

        // A new duty nobody can do: Wednesday morning break in the library.
        const slotCount = (await as('coordinator', 'GET', '/api/rota')).body.slots.length;
        const row = slotCount + 1;
        await page.getByRole('button', { name: 'Add a duty' }).click();
        await page
          .getByLabel(`Day, duty ${row}`, { exact: true })
          .selectOption({ label: 'Wednesday' });
        await page.getByLabel(`Time of day, duty ${row}`, { exact: true }).fill('Morning break');
        await page.getByLabel(`Place, duty ${row}`, { exact: true }).fill('Library');
        await page.getByLabel(`Ambassadors, duty ${row}`, { exact: true }).fill('1');
        await page.getByLabel(`Adult, duty ${row}`, { exact: true }).fill('Mrs Helen Jones');
        await page.getByRole('button', { name: 'Save duties' }).click();
        await expect
          .poll(async () => (await as('coordinator', 'GET', '/api/rota')).body.slots.length)
          .toBe(slotCount + 1);

        // A week with every day ahead, chosen with the week picker.
        const monday = await futureWeek();
        await page.getByLabel('Week of', { exact: true }).fill(monday);
        const grid = page.getByRole('table', { name: /^Rota for the week of / });
        await expect.poll(() => grid.getAttribute('aria-label')).toMatch(/Monday \d+ \w+$/);
        await expect
          .poll(() => grid.getByRole('columnheader').allInnerTexts())
          .toEqual(expect.arrayContaining([expect.stringMatching(/^Monday/)]));
        await expect.poll(() => grid.innerText()).toContain('Buddy bench');
        expect((await weekAssignments(monday)).length).toBeGreaterThan(0);

        // Clear the week (with a confirmation), then fill it again.
        await page.getByRole('button', { name: 'Clear this week' }).click();
        const clearDialog = page.getByRole('dialog', { name: 'Clear this week?' });
        await clearDialog.getByRole('button', { name: 'Clear the week' }).click();
        await expectText(page, 'Took ');
        await expect.poll(() => grid.innerText()).toContain('Needs 2 more.');
        await expect.poll(() => weekAssignments(monday).then((a) => a.length)).toBe(0);
        await expectAccessible(page, 'cleared week with gaps');

        await page.getByRole('button', { name: 'Fill the rota' }).click();
        await expectText(page, 'Filled ');
        await expect.poll(() => grid.innerText()).not.toContain('Needs 2 more.');
        const filled = await weekAssignments(monday);
        expect(filled.length).toBeGreaterThan(0);
        // The new Wednesday duty stays empty, with the reason, in the grid and under Needs attention.
        await expect
          .poll(() => grid.innerText())
          .toContain('Needs 1 more. Nobody is available then.');
        const attention = page.getByRole('region', { name: 'Needs attention' });
        await expect
          .poll(() => attention.innerText())
          .toMatch(
            /Wednesday \d+ \w+, Morning break, Library needs 1 more\. Nobody is available then\./,
          );

        // Lock the first assignment in the grid.
        const lock = grid.getByRole('button', { name: /^Lock / }).first();
        const lockLabel = (await lock.getAttribute('aria-label'))!;
        await lock.click();
        const unlockLabel = lockLabel.replace(/^Lock/, 'Unlock');
        await expect.poll(() => grid.getByRole('button', { name: unlockLabel }).count()).toBe(1);
        await expect
          .poll(() => weekAssignments(monday).then((a) => a.filter((x) => x.locked).length))
          .toBe(1);

        // Keyboard only: take Bethan off a duty, then put her back with the dialog. (Focus is put on
        // each button directly rather than tabbing through the grid's many buttons to it.)
        const takeOff = grid.getByRole('button', { name: /^Take Bethan Morgan off / }).first();
        const duty = (await takeOff.getAttribute('aria-label'))!.replace(
          /^Take Bethan Morgan off /,
          '',
        );
        await takeOff.focus();
        await page.keyboard.press('Enter');
        const add = grid.getByRole('button', { name: `Add an ambassador to ${duty}` });
        await expect.poll(() => add.count()).toBe(1);
        await add.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: 'Add an ambassador' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await expect.poll(() => dialog.innerText()).toContain(duty);
        await expectAccessible(page, 'add-an-ambassador dialog');
        const who = dialog.getByLabel('Ambassador');
        await expect.poll(() => who.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.type('Beth');
        await expect.poll(() => who.inputValue()).toBe(bethan.id);
        await page.keyboard.press('Tab'); // the lock checkbox, ticked
        await page.keyboard.press('Tab'); // "Add to the duty"
        await page.keyboard.press('Enter');
        await expect.poll(() => dialog.isVisible()).toBe(false);
        await expect
          .poll(() => grid.getByRole('button', { name: `Unlock Bethan Morgan on ${duty}` }).count())
          .toBe(1);
        expect(
          (await weekAssignments(monday)).filter(
            (a) => a.ambassadorId === bethan.id && a.source === 'hand',
          ),
        ).toMatchObject([{ locked: true }]);

        // The whole rota as CSV.
        const downloadEvent = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Download the rota (CSV)' }).click();
        const download = await downloadEvent;
        expect(download.suggestedFilename()).toMatch(
          /^rota-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
        );
        const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
        // The byte order mark comes through the tab's blob, so Excel reads the file as UTF-8.
        expect(csv[0]).toBe(`\uFEFF${csvColumns.join(',')}`);
        expect(csv.some((line) => line.includes(bethan.id))).toBe(true);

        // On paper: the grid and its names, without the app's header and buttons.
        await page.emulateMedia({ media: 'print' });
        await expect.poll(() => grid.isVisible()).toBe(true);
        await expect.poll(() => grid.innerText()).toContain('Bethan Morgan');
        await expect
          .poll(() => page.getByRole('button', { name: 'Fill the rota' }).isVisible())
          .toBe(false);
        await expect.poll(() => page.getByRole('banner').isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });
        await expect
          .poll(() => page.getByRole('button', { name: 'Fill the rota' }).isVisible())
          .toBe(true);

        // An ambassador moves up a year and can now help on Wednesday lunch too.
        const ambassadors = page.getByRole('table', { name: 'Ambassadors' });
        const other = '00000000-0000-4000-8000-000000000104';
        // Ravi Sharma: the demo directory names every ambassador (decision 025).
        await ambassadors.getByRole('button', { name: 'Change Ravi Sharma' }).click();
        const edit = page.getByRole('dialog', { name: 'Change Ravi Sharma' });
        await expect.poll(() => edit.isVisible()).toBe(true);
        await expectAccessible(page, 'change-an-ambassador dialog');
        await edit.getByLabel('Year group').fill('8');
        const wednesday = edit.getByRole('checkbox', { name: 'Wednesday Lunch' });
        await expect.poll(() => wednesday.isChecked()).toBe(true);
        await edit.getByRole('checkbox', { name: 'Friday Lunch' }).check();
        await edit.getByRole('button', { name: 'Save', exact: true }).click();
        await expect.poll(() => edit.isVisible()).toBe(false);
        await expect
          .poll(() => ambassadors.getByRole('row', { name: /Ravi Sharma/ }).innerText())
          .toContain('Fri Lunch');
        const changed = (await as('coordinator', 'GET', '/api/rota')).body.ambassadors.find(
          (a: { id: string }) => a.id === other,
        );
        expect(changed).toMatchObject({ yearGroup: 8, active: true });
        expect(changed.availability).toContainEqual({ weekday: 5, periodId: 'Lunch' });
      });
    },
    longTest,
  );

  it(
    'an ambassador sees her duties, takes cover and a swap, asks for cover and says when she can help',
    async () => {
      // Other ambassadors (not ones who can sign in here) need cover on a duty Bethan can do, and
      // want to swap another.
      const candidates = await dutiesBethanCanTake();
      const theirs = candidates[0]!;
      await service.ask(ambassadorAccess(theirs.ambassadorId), {
        kind: 'cover',
        date: theirs.date,
        slotId: theirs.slotId,
      });
      const swap = await seedSwap(candidates.slice(1), theirs.date);
      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, 'Bethan Morgan');
        await nav(page).getByRole('link', { name: 'Peer support' }).click();
        await expect.poll(() => heading(page, 'My duties')).toBe(true);

        const mine = (await as('ambassador', 'GET', '/api/rota/me')).body;
        expect(mine.duties.length, 'the demo rota gives Bethan duties').toBeGreaterThan(0);
        const first = mine.duties[0];
        const duties = page.getByRole('region', { name: 'My duties' }).getByRole('listitem');
        await expect.poll(() => duties.count()).toBe(mine.duties.length);
        // When, where, who with, and the adult there, in words.
        const card = duties.first();
        await expect.poll(() => card.innerText()).toContain(first.periodId);
        await expect.poll(() => card.innerText()).toContain(first.placeId);
        await expect.poll(() => card.innerText()).toContain(first.supervisingAdult);
        await expectText(page, 'You have not asked for help.');
        await expectAccessible(page, 'My duties');

        // Can you help? Bethan takes the cover, and the swap for one of her duties (not the one she
        // asks cover for below); both wait for the coordinator.
        const help = page.getByRole('region', { name: 'Can you help?' }).getByRole('listitem');
        await expect.poll(() => help.count()).toBe(2);
        const cover = help.filter({ hasText: / needs cover/ });
        await cover.getByRole('button', { name: /^I can do / }).click();
        await expectText(page, 'Thank you! Your coordinator will check it.');
        await expect.poll(() => help.count()).toBe(1);
        const swapCard = help.filter({ hasText: / wants to swap/ });
        const giveBack = swapCard.getByLabel('Give them one of yours');
        const mineToGive = (
          await giveBack
            .locator('option')
            .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
        ).find((value) => value !== `${first.date}|${first.slotId}`);
        expect(mineToGive, 'Bethan has a duty to give back').toBeDefined();
        await giveBack.selectOption(mineToGive!);
        await swapCard.getByRole('button', { name: /^Swap for / }).click();
        await expectText(page, 'Nobody needs help right now.');
        const asks = page.getByRole('region', { name: 'My asks' });
        await expect
          .poll(() => asks.innerText())
          .toMatch(/You said you would cover .* for \S+ \S+: Waiting for the coordinator/);
        await expect
          .poll(() => asks.innerText())
          .toMatch(/You said you would swap with \S+ \S+ for .*: Waiting for the coordinator/);

        await card.getByRole('button', { name: /^Ask for cover on / }).click();
        await expectText(page, 'You asked. The other ambassadors can see it now.');
        await expect.poll(() => card.innerText()).toContain('Waiting for someone');
        await expect.poll(() => card.getByRole('button', { name: /^Stop asking/ }).count()).toBe(1);
        await expect
          .poll(() => asks.innerText())
          .toMatch(/You asked for cover on .*Waiting for someone/);
        const after = (await as('ambassador', 'GET', '/api/rota/me')).body;
        expect(after.requests).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              kind: 'cover',
              dutyDate: first.date,
              slotId: first.slotId,
              requesterId: bethan.id,
              status: 'open',
            }),
            expect.objectContaining({
              kind: 'cover',
              dutyDate: theirs.date,
              slotId: theirs.slotId,
              acceptorId: bethan.id,
              status: 'accepted',
            }),
            expect.objectContaining({
              id: swap.request.id,
              acceptorId: bethan.id,
              inReturn: { date: mineToGive!.split('|')[0], slotId: mineToGive!.split('|')[1] },
              status: 'accepted',
            }),
          ]),
        );

        // Bethan can't do Friday lunch yet; she ticks it and saves.
        const friday = page.getByRole('checkbox', { name: 'Friday Lunch' });
        expect(await friday.isChecked()).toBe(false);
        await friday.check();
        await page.getByRole('button', { name: 'Save my times' }).click();
        await expectText(page, 'Saved. Thank you!');
        const saved = (await as('ambassador', 'GET', '/api/rota/me')).body;
        expect(saved.ambassador.availability).toContainEqual({ weekday: 5, periodId: 'Lunch' });
        await expectAccessible(page, 'My duties after asking');

        // In Welsh too.
        await page.getByRole('button', { name: 'Cymraeg' }).click();
        await expect.poll(() => heading(page, 'Fy nyletswyddau')).toBe(true);
      });
    },
    longTest,
  );

  it(
    'the coordinator approves the cover and the swap Bethan took, gives her own duty to someone else and declines a swap',
    async () => {
      await withPage(browser, async (page) => {
        await page.setViewportSize({ width: 1280, height: 900 });
        await openTabAs(page, stack.baseUrl, 'Mr Gareth Price');
        await nav(page).getByRole('link', { name: 'Peer support' }).click();
        await expect.poll(() => heading(page, 'Peer support rota')).toBe(true);
        const requests = page.getByRole('region', { name: 'Swaps and cover' });
        // One card per request (a card's own list of who cannot take a duty is not a request).
        const requestCards = () =>
          requests.getByRole('listitem').filter({ has: page.getByRole('group') });
        await expect.poll(() => requestCards().count()).toBe(3);
        await expectAccessible(page, 'coordinator rota with requests');

        // The cover and the swap Bethan took: approve both, and the duties are hers.
        const took = (await as('ambassador', 'GET', '/api/rota/me')).body.requests.filter(
          (r: { acceptorId?: string }) => r.acceptorId === bethan.id,
        ) as { kind: string; dutyDate: string; slotId: string; inReturn?: StoredAssignment }[];
        expect(took.map((r) => r.kind).sort()).toEqual(['cover', 'swap']);
        const accepted = requestCards().filter({ hasText: 'Waiting for the coordinator' });
        await expect.poll(() => accepted.count()).toBe(2);
        await expect.poll(() => accepted.first().innerText()).toContain('Taken by');
        await expect.poll(() => accepted.first().innerText()).toContain('Bethan Morgan');
        await expect
          .poll(() => accepted.filter({ hasText: 'asks to swap' }).innerText())
          .toContain('In return');
        await accepted
          .first()
          .getByRole('button', { name: /^Approve: / })
          .click();
        await expect.poll(() => accepted.count()).toBe(1);
        await accepted
          .first()
          .getByRole('button', { name: /^Approve: / })
          .click();
        await expect.poll(() => requestCards().count()).toBe(1);
        const hers = (await as('ambassador', 'GET', '/api/rota/me')).body;
        const has = (date: string, slotId: string) =>
          hers.duties.some((d: StoredAssignment) => d.date === date && d.slotId === slotId);
        for (const r of took)
          expect(has(r.dutyDate, r.slotId), `${r.kind} ${r.dutyDate}`).toBe(true);
        const given = took.find((r) => r.kind === 'swap')!.inReturn!;
        expect(has(given.date, given.slotId), 'the duty Bethan gave back').toBe(false);

        // Bethan's cover request: give her duty to someone who can take it.
        const request = requestCards();
        await expect.poll(() => request.count()).toBe(1);
        await expect.poll(() => request.innerText()).toContain('Bethan Morgan needs cover');
        await expect.poll(() => request.innerText()).toContain('Waiting for someone');
        const asked = hers.requests.find(
          (r: { requesterId: string }) => r.requesterId === bethan.id,
        );
        const coverer = await canCover(asked.dutyDate, asked.slotId);
        // Only those who can take it are offered; the others are listed with why.
        const offered = await request
          .getByLabel(/^Give .* to$/)
          .locator('option')
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        const { coverCandidates } = (await as('coordinator', 'GET', '/api/rota')).body as {
          coverCandidates: Record<string, { ambassadorId: string; problems: string[] }[]>;
        };
        const candidates = coverCandidates[asked.id]!;
        expect(offered).toEqual(
          candidates.filter((c) => c.problems.length === 0).map((c) => c.ambassadorId),
        );
        expect(offered).toContain(coverer);
        const cannot = candidates.filter((c) => c.problems.length > 0).length;
        if (cannot > 0) {
          await expect
            .poll(() => request.getByRole('list', { name: 'Who cannot take it, and why' }).count())
            .toBe(1);
        }
        await request.getByLabel(/^Give .* to$/).selectOption(coverer);
        await request.getByRole('button', { name: 'Give the duty' }).click();
        await expectText(page, 'No swaps or cover are waiting.');
        const mine = (await as('ambassador', 'GET', '/api/rota/me')).body;
        expect(mine.requests.find((r: { id: string }) => r.id === asked.id)).toMatchObject({
          status: 'approved',
          acceptorId: coverer,
        });
        expect(
          mine.duties.some(
            (d: { date: string; slotId: string }) =>
              d.date === asked.dutyDate && d.slotId === asked.slotId,
          ),
        ).toBe(false);

        // A swap the coordinator says no to: Bethan keeps the duty.
        const keep = mine.duties.at(-1) as StoredAssignment;
        const declined = await service.ask(ambassadorAccess(bethan.id), {
          kind: 'swap',
          date: keep.date,
          slotId: keep.slotId,
        });
        await page.reload();
        await expect.poll(() => request.count()).toBe(1);
        await expect.poll(() => request.innerText()).toContain('Bethan Morgan asks to swap');
        await request.getByRole('button', { name: /^Decline: / }).click();
        await expectText(page, 'No swaps or cover are waiting.');
        const last = (await as('ambassador', 'GET', '/api/rota/me')).body;
        expect(last.requests.find((r: { id: string }) => r.id === declined.id)).toMatchObject({
          status: 'declined',
        });
        expect(
          last.duties.some(
            (d: StoredAssignment) => d.date === keep.date && d.slotId === keep.slotId,
          ),
        ).toBe(true);
      });
    },
    longTest,
  );

  it(
    'a pupil is offered none of it',
    async () => {
      await withPage(browser, async (page) => {
        await openTabAs(page, stack.baseUrl, 'Amir Hassan');
        expect(await nav(page).getByRole('link', { name: 'Peer support' }).count()).toBe(0);
        await page.goto(`${stack.baseUrl}/tab/#/rota`);
        await expectText(page, 'Peer support is for wellbeing ambassadors and their coordinator.');
        expect(await page.getByRole('table').count()).toBe(0);
      });
    },
    longTest,
  );
});

async function as(kind: string, method: string, apiPath: string, body?: unknown) {
  const token = await devToken(stack.baseUrl, demoPerson(kind).id);
  return callApi(stack.baseUrl, method, apiPath, token, body);
}

interface StoredAssignment {
  date: string;
  slotId: string;
  ambassadorId: string;
  locked: boolean;
  source: string;
}

async function weekAssignments(monday: string): Promise<StoredAssignment[]> {
  const res = await as('coordinator', 'GET', `/api/rota?from=${monday}&to=${addDays(monday, 6)}`);
  return res.body.assignments;
}

/** The first Monday after today whose five days are all rota school days. */
async function futureWeek(): Promise<string> {
  const { today } = (await as('coordinator', 'GET', '/api/rota')).body as { today: string };
  let monday = addDays(today, 1);
  while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
  for (let week = 0; week < 12; week++, monday = addDays(monday, 7)) {
    const res = await as('coordinator', 'GET', `/api/rota?from=${monday}&to=${addDays(monday, 4)}`);
    if ((res.body.dates as { inRota: boolean }[]).every((d) => d.inRota)) return monday;
  }
  throw new Error('the demo rota has no full school week in the next 12 weeks');
}

const ambassadorAccess = (userId: string): Access => ({
  tenantId: demoSchool.tenantId,
  userId,
  schoolRoles: ['ambassador'],
  teams: [],
  roles: ['ambassador'],
});

/**
 * A duty of another ambassador, after today, at a time Bethan said she can help, when she is on
 * no other duty and has fewer than 3 duties that week: one the server will let her take.
 */
async function dutiesBethanCanTake(): Promise<StoredAssignment[]> {
  const { today } = (await as('coordinator', 'GET', '/api/rota')).body as { today: string };
  const res = await as('coordinator', 'GET', `/api/rota?from=${today}&to=${addDays(today, 34)}`);
  const { slots, ambassadors, assignments } = res.body as RotaBody;
  const me = ambassadors.find((a) => a.id === bethan.id)!;
  const slotOf = (id: string) => slots.find((s) => s.id === id)!;
  const mondayOf = (date: string) =>
    addDays(date, 1 - (new Date(`${date}T12:00:00Z`).getUTCDay() || 7));
  const found = assignments.filter((a) => {
    const slot = slotOf(a.slotId);
    return (
      a.ambassadorId !== bethan.id &&
      a.date > today &&
      me.availability.some((x) => x.weekday === slot.weekday && x.periodId === slot.periodId) &&
      !assignments.some(
        (x) =>
          x.ambassadorId === bethan.id &&
          x.date === a.date &&
          slotOf(x.slotId).periodId === slot.periodId,
      ) &&
      assignments.filter(
        (x) => x.ambassadorId === bethan.id && mondayOf(x.date) === mondayOf(a.date),
      ).length < 3
    );
  });
  if (!found.length) throw new Error('no duty in the next five weeks that Bethan could take');
  return found;
}

/**
 * Another ambassador asks to swap a duty Bethan can take (not in `notInWeekOf`'s week, so the
 * cover she takes does not count against it) for one of hers they could do: the first such
 * request the server offers her.
 */
async function seedSwap(candidates: StoredAssignment[], notInWeekOf: string) {
  const week = (date: string) =>
    addDays(date, 1 - (new Date(`${date}T12:00:00Z`).getUTCDay() || 7));
  for (const duty of candidates.filter((c) => week(c.date) !== week(notInWeekOf))) {
    const access = ambassadorAccess(duty.ambassadorId);
    const request = await service.ask(access, {
      kind: 'swap',
      date: duty.date,
      slotId: duty.slotId,
    });
    const open = (await as('ambassador', 'GET', '/api/rota/open-requests')).body.requests as {
      request: { id: string };
    }[];
    if (open.some((view) => view.request.id === request.id)) return { duty, request };
    await service.cancel(access, request.id);
  }
  throw new Error('no swap in the next five weeks that Bethan could take');
}

interface RotaBody {
  slots: { id: string; weekday: number; periodId: string }[];
  ambassadors: {
    id: string;
    active: boolean;
    availability: { weekday: number; periodId: string }[];
  }[];
  assignments: StoredAssignment[];
}

/**
 * An active ambassador, not Bethan, who said they can help at that duty's time, is not on another
 * duty then and has fewer than 3 duties that week: someone the server will let cover it.
 */
async function canCover(date: string, slotId: string): Promise<string> {
  const monday = addDays(date, 1 - (new Date(`${date}T12:00:00Z`).getUTCDay() || 7));
  const res = await as('coordinator', 'GET', `/api/rota?from=${monday}&to=${addDays(monday, 6)}`);
  const { slots, ambassadors, assignments } = res.body as RotaBody;
  const slot = slots.find((s) => s.id === slotId)!;
  const periodOf = (id: string) => slots.find((s) => s.id === id)?.periodId;
  const found = ambassadors.find(
    (a) =>
      a.active &&
      a.id !== bethan.id &&
      a.availability.some((x) => x.weekday === slot.weekday && x.periodId === slot.periodId) &&
      !assignments.some(
        (x) => x.ambassadorId === a.id && x.date === date && periodOf(x.slotId) === slot.periodId,
      ) &&
      assignments.filter((x) => x.ambassadorId === a.id).length < 3,
  );
  if (!found) throw new Error(`nobody in the demo rota can cover ${date} ${slotId}`);
  return found.id;
}
