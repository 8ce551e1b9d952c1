/**
 * School roles and the audit log in the tab (issue 17), in Chromium against the real server in
 * local mode (demo school seeded, dev clock on a school day). Mr Ian Reid, the admin, opens School
 * roles: talk requests are not offered yet (nobody on the safeguarding team has opened Belong in
 * Teams) and each person says what to do; he finds Mrs Helen Jones in the directory, makes her a
 * deputy DSL, and is refused when he tries to stop being the last admin; once the DSL and deputy
 * have chats with Belong, "Check again" says pupils can ask. Ms Ruth Evans, the DSL, reads the
 * change in the audit log, with the chain check OK. Ms Ada Khan, a teacher, has neither link and
 * is told whose pages they are. Axe (WCAG 2.1 A/AA) runs on each view. The tests run in order.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const longTest = 180_000;
const ian = demoPerson('admin');
const ruth = demoPerson('dsl');
const owen = demoPerson('deputy_dsl');
const ada = demoPerson('teacher');
const notOpened = 'has not opened Belong in Teams yet: ask them to open the Belong app in Teams.';

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

async function signIn(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openTabAs(page, stack.baseUrl, name);
}

const link = (page: Page, name: string) => nav(page).getByRole('link', { name, exact: true });

describe('School roles and the audit log in the tab', () => {
  it(
    'the admin sees readiness with what to do, adds a deputy DSL from the directory, and stays the last admin',
    async () => {
      await withPage(browser, async (page) => {
        await signIn(page, ian.displayName);
        await link(page, 'School roles').click();
        await expect.poll(() => heading(page, 'School roles', 2)).toBe(true);
        await expectText(page, 'Pupils can’t ask to talk to a trusted adult yet');
        await expectText(
          page,
          'Talk requests can be offered when at least 2 safeguarding adults can be messaged: 0 of 2 ready.',
        );
        await expectText(page, `Ms Ruth Evans (Designated safeguarding lead) — ${notOpened}`);
        await expectText(
          page,
          `Mr Owen Davies (Deputy designated safeguarding lead) — ${notOpened}`,
        );
        await expectAccessible(page, 'school roles (talk not offered yet)');

        // Find Mrs Jones (one match: she is picked), tick deputy DSL beside her wellbeing lead role.
        await page.getByLabel('Search for a person by name').fill('helen');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        const roles = page.getByRole('group', { name: 'Roles for Mrs Helen Jones' });
        await expect.poll(() => roles.isVisible()).toBe(true);
        expect(await roles.getByRole('checkbox', { name: 'Wellbeing lead' }).isChecked()).toBe(
          true,
        );
        await roles.getByRole('checkbox', { name: 'Deputy designated safeguarding lead' }).check();
        await expectAccessible(page, 'school roles, choosing roles');
        await page.getByRole('button', { name: 'Save roles' }).click();
        await expectText(
          page,
          'Saved: Mrs Helen Jones is now Deputy designated safeguarding lead and Wellbeing lead.',
        );
        await expect
          .poll(() =>
            page
              .getByRole('button', {
                name: 'Remove Mrs Helen Jones as Deputy designated safeguarding lead',
              })
              .isVisible(),
          )
          .toBe(true);
        await expectText(
          page,
          `Mrs Helen Jones (Deputy designated safeguarding lead) — ${notOpened}`,
        );

        // The school keeps its last admin: refused, said why, nothing changed.
        await page.getByRole('button', { name: 'Remove Mr Ian Reid as School admin' }).click();
        await expectText(page, 'The school must keep at least one admin.');
        expect(
          await page.getByRole('button', { name: 'Remove Mr Ian Reid as School admin' }).count(),
        ).toBe(1);
        await expectAccessible(page, 'school roles after a refusal');

        // The DSL and Mr Davies open Belong in Teams (as `npm start` records it): ready.
        const teams = new TeamStore(
          await AzureTableStore.open(
            { kind: 'connectionString', connectionString: stack.azurite.connectionString },
            stack.tablePrefix,
          ),
        );
        for (const person of [ruth, owen])
          await teams.recordPersonalConversation(demoSchool.tenantId, {
            userId: person.id,
            teamsId: person.teamsId,
            conversationId: `a:personal-${person.teamsId}`,
            serviceUrl: 'http://127.0.0.1:9/_connector',
            installedAt: stack.clock.now().toISOString(),
          });
        await page.getByRole('button', { name: 'Check again' }).click();
        await expectText(page, 'Pupils can ask to talk to a trusted adult');
        await expectText(page, 'can be messaged: 2 of 2 ready.');
        await expectText(page, 'Ms Ruth Evans (Designated safeguarding lead) — ready.');
        await expectAccessible(page, 'school roles (ready)');
      });
    },
    longTest,
  );

  it(
    'the DSL reads the change in the audit log, with the record checked, and cannot give roles',
    async () => {
      await withPage(browser, async (page) => {
        await signIn(page, ruth.displayName);
        expect(await link(page, 'School roles').count()).toBe(0);
        await link(page, 'Audit log').click();
        await expect.poll(() => heading(page, 'Audit log', 2)).toBe(true);
        await expectText(page, 'The record is complete and unchanged');
        await expectText(
          page,
          'Mr Ian Reid changed the school roles of Mrs Helen Jones: gave Deputy designated safeguarding lead.',
        );
        // Her own reading is the newest entry.
        const entries = page.getByRole('list', { name: 'Entries, newest first' });
        expect(await entries.getByRole('listitem').first().innerText()).toContain(
          'Ms Ruth Evans read the audit log.',
        );
        await expectAccessible(page, 'audit log');

        await page.goto(`${stack.baseUrl}/tab/#/roles`);
        await expectText(page, 'Only school admins can see and give school roles.');
      });
    },
    longTest,
  );

  it(
    'a teacher has neither link; both pages say whose they are, and the server refuses',
    async () => {
      await withPage(browser, async (page) => {
        await signIn(page, ada.displayName);
        expect(await link(page, 'School roles').count()).toBe(0);
        expect(await link(page, 'Audit log').count()).toBe(0);
        await page.goto(`${stack.baseUrl}/tab/#/roles`);
        await expectText(page, 'Only school admins can see and give school roles.');
        expect(await page.getByRole('heading', { name: 'School roles' }).count()).toBe(0);
        await expectAccessible(page, 'school roles, refused');
        await page.goto(`${stack.baseUrl}/tab/#/audit`);
        await expectText(
          page,
          'Only school admins, the DSL and deputy DSLs can read the audit log.',
        );
      });
      const token = await devToken(stack.baseUrl, ada.id);
      for (const path of ['/api/school/roles', '/api/school/audit', '/api/support/readiness'])
        expect((await callApi(stack.baseUrl, 'GET', path, token)).status, path).toBe(403);
    },
    longTest,
  );
});
