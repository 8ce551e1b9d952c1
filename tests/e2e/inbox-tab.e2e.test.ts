/**
 * The Support journey in the tab (issue 17), in Chromium against the real server in local mode
 * (demo school seeded, dev clock on a school day in school hours). At first nobody on the
 * safeguarding team has a chat with Belong, so Amir's own page (#/me) shows only where to get
 * help now. Then the DSL (Ms Ruth Evans) and the deputy (Mr Owen Davies) have chats with Belong,
 * as `npm start` opens them, written through the server's own TeamStore on its tables: Amir asks
 * to talk from #/me; Ms Evans finds his request in the inbox (#/inbox) with his name, acknowledges
 * it, adds a note and exports it as CSV; Amir's page then says an adult has seen it. Ms Khan, a
 * teacher, has no inbox link and is told whose it is. Axe (WCAG 2.1 A/AA) runs on each view. The
 * tests run in order.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamStore } from '../../core/stores/team-store.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { demoPerson } from '../support/api-client.js';
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

const longTest = 180_000;
const amir = demoPerson('pupil');
const ruth = demoPerson('dsl');
const owen = demoPerson('deputy_dsl');
const helpNow = 'In an emergency, call 999. Childline: call 0800 1111. Shout: text SHOUT to 85258.';

let tab: TabStack;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  tab = await startTabStack();
  ({ stack, browser } = tab);
}, 240_000);

afterAll(async () => {
  await tab?.stop();
});

/** Signs in through the picker, then opens a tab route (as Teams opens a personal tab). */
async function open(page: Page, name: string, hash: string): Promise<void> {
  await openTabAs(page, stack.baseUrl, name);
  await page.goto(`${stack.baseUrl}/tab/${hash}`);
}

const talkPanel = (page: Page) => page.getByRole('region', { name: 'Talk to a trusted adult' });

describe('Support in the tab', () => {
  it(
    'before the safeguarding team can be reached, a pupil’s page offers only help now',
    async () => {
      await withPage(browser, async (page) => {
        await open(page, amir.displayName, '#/me');
        await expect.poll(() => heading(page, 'My check-ins')).toBe(true);
        await expectText(page, helpNow);
        expect(await talkPanel(page).count()).toBe(0);
        expect(await page.getByText('trusted adult').count()).toBe(0);
        await expectAccessible(page, 'pupil’s page, talk not offered');
      });
    },
    longTest,
  );

  it(
    'the pupil asks to talk from their own page, and is told it was sent',
    async () => {
      // The DSL and the deputy open Belong in Teams: now two adults can be messaged.
      const tables = await AzureTableStore.open(
        { kind: 'connectionString', connectionString: stack.azurite.connectionString },
        stack.tablePrefix,
      );
      const teams = new TeamStore(tables);
      for (const person of [ruth, owen])
        await teams.recordPersonalConversation(demoSchool.tenantId, {
          userId: person.id,
          teamsId: person.teamsId,
          conversationId: `a:personal-${person.teamsId}`,
          serviceUrl: 'http://127.0.0.1:9/_connector',
          installedAt: stack.clock.now().toISOString(),
        });

      await withPage(browser, async (page) => {
        await open(page, amir.displayName, '#/me');
        const panel = talkPanel(page);
        await expect.poll(() => panel.isVisible()).toBe(true);
        const words = await panel.innerText();
        expect(words).toContain('They will see your name');
        expect(words).toContain('tell other adults who can help keep you safe');
        expect(words).not.toMatch(/secret|only you/i);
        // Nothing is chosen for them.
        expect(await panel.getByRole('radio', { checked: true }).count()).toBe(0);
        await expectText(page, helpNow);
        await expectAccessible(page, 'pupil’s talk panel');

        await panel.getByRole('radio', { name: 'Today' }).check();
        await panel.getByRole('button', { name: 'Send' }).click();
        await expectText(page, 'Sent. An adult will see it.');
        expect(await panel.getByRole('button', { name: 'Send' }).count()).toBe(0);
        await expectAccessible(page, 'pupil’s talk panel, sent');

        // Asked again later (a reload): still sent, nothing new.
        await page.reload();
        await expectText(page, 'Sent. An adult will see it.');
      });
    },
    longTest,
  );

  it(
    'the DSL finds the request by the pupil’s name, acknowledges it, adds a note and exports it',
    async () => {
      await withPage(browser, async (page) => {
        await page.setViewportSize({ width: 1280, height: 900 });
        await openTabAs(page, stack.baseUrl, ruth.displayName);
        await nav(page).getByRole('link', { name: 'Safeguarding' }).click();
        await expect.poll(() => heading(page, 'Talk requests')).toBe(true);
        const list = page.getByRole('list', { name: 'Requests' });
        const item = list.getByRole('button', { name: /Amir Hassan/ });
        await expect.poll(() => item.isVisible()).toBe(true);
        expect(await item.innerText()).toMatch(/New[\s\S]*Class 7B[\s\S]*How soon: Today/);
        await expectText(page, 'New (1)');
        await expectAccessible(page, 'inbox with a request');

        await item.click();
        await expect.poll(() => heading(page, 'Amir Hassan', 3)).toBe(true);
        await expectText(page, 'Nobody has acknowledged this yet.');
        await expectText(page, 'Asked to talk (The Belong tab)');
        await expectAccessible(page, 'inbox, one request open');

        await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
        await expectText(page, 'Acknowledged by Ms Ruth Evans');
        expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(
          0,
        );
        await expect.poll(() => item.innerText()).toContain('Acknowledged');

        // An empty note is refused beside the note, before anything is sent.
        await page.getByRole('button', { name: 'Save note' }).click();
        await expectText(page, 'Write a note of 1 to 1,000 characters. Nothing has changed.');
        await page
          .getByRole('textbox', { name: /Add a note/ })
          .fill('Saw Amir at break; will check in tomorrow.');
        await page.getByRole('button', { name: 'Save note' }).click();
        await expectText(page, 'Saw Amir at break; will check in tomorrow.');
        await expectText(page, 'Note by Ms Ruth Evans');
        await expectAccessible(page, 'inbox, acknowledged with a note');

        const downloadEvent = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export CSV' }).click();
        const download = await downloadEvent;
        expect(download.suggestedFilename()).toMatch(/^talk-request-[\w-]+\.csv$/);
        // trimEnd, not trim: trim would take the byte order mark off too.
        const csv = readFileSync((await download.path())!, 'utf8')
          .trimEnd()
          .split('\r\n');
        expect(csv[0]).toMatch(/^\uFEFFrequestId,pupil,classes,/);
        expect(csv.slice(1).map((l) => l.split(',')[9])).toEqual([
          'requested',
          'alerted',
          'acknowledged',
          'note',
        ]);
      });
    },
    longTest,
  );

  it(
    'the pupil’s page now says an adult has seen it',
    async () => {
      await withPage(browser, async (page) => {
        await open(page, amir.displayName, '#/me');
        await expectText(page, 'An adult has seen this and will find you.');
        await expectText(page, helpNow);
        await expectAccessible(page, 'pupil’s talk panel, seen');
      });
    },
    longTest,
  );

  it(
    'a teacher has no inbox, and opening it says whose it is',
    async () => {
      await withPage(browser, async (page) => {
        await open(page, 'Ms Ada Khan', '#/inbox');
        await expectText(page, 'Only the safeguarding team can see this');
        expect(await nav(page).getByRole('link', { name: 'Safeguarding' }).count()).toBe(0);
        expect(await page.getByText('Amir Hassan').count()).toBe(0);
        await expectAccessible(page, 'inbox, not for teachers');
      });
    },
    longTest,
  );
});
