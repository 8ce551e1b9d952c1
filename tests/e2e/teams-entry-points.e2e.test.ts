/**
 * Every entry point in the manifest, opened the way Teams opens it: inside a fake Teams that
 * frames the tab and answers teams-js (tests/support/fake-teams-host.ts) with the context of a
 * class team's channel or a personal app, and an SSO token for a demo persona. A teacher of the
 * class, a pupil of the class and people with no part in it; axe (WCAG 2.1 A/AA) on each view.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchool } from '../../server/demo/demo-school.js';
import {
  expectAccessibleInTeams,
  openInFakeTeams,
  personaToken,
  type FakeTeamsContext,
} from '../support/fake-teams-host.js';
import { startTabStack, type TabStack } from '../support/tab-stack.js';
import { withPage } from '../support/tab-page.js';

let tab: TabStack;
let browser: Browser;

const teacher = 'Ms Ada Khan';
const pupil = 'Amir Hassan';
/** Staff who teach no class: the ambassador coordinator. */
const outsider = 'Mr Gareth Price';
const classTeam: FakeTeamsContext = {
  teamId: demoSchool.team.id,
  teamName: demoSchool.team.name,
  channelId: demoSchool.team.generalChannelId,
  channelName: 'General',
};

beforeAll(async () => {
  tab = await startTabStack();
  browser = tab.browser;
}, 240_000);

afterAll(async () => {
  await tab?.stop();
});

/** Opens `path` in the fake Teams as `who` and runs `check` on the tab inside it. */
async function inTeams(
  who: string | { error: string },
  path: string,
  context: FakeTeamsContext,
  check: (tab: FrameLocator, page: Page) => Promise<void>,
): Promise<string[]> {
  let calls: string[] = [];
  await withPage(browser, async (page) => {
    const token = typeof who === 'string' ? await personaToken(tab.stack.baseUrl, who) : who;
    const teams = await openInFakeTeams(page, {
      baseUrl: tab.stack.baseUrl,
      path,
      token,
      context,
    });
    await check(teams.tab, page);
    calls = await teams.calls();
  });
  return calls;
}

const visible = (tab: FrameLocator, text: string | RegExp) =>
  expect.poll(() => tab.getByText(text).first().isVisible(), { message: String(text) }).toBe(true);
const headingShown = (tab: FrameLocator, name: string) =>
  expect
    .poll(() => tab.getByRole('heading', { name, exact: true }).isVisible(), { message: name })
    .toBe(true);

/** axe on the fake Teams page, which runs in the tab's frame too (the host page is bare). */
const accessible = (page: Page, view: string) => expectAccessibleInTeams(page, view);

describe('the class (channel) tab, with the team from the Teams context', () => {
  it('shows a teacher of the class its Posts and its Check-ins, without a class picker', async () => {
    const calls = await inTeams(teacher, '/tab/#/class', classTeam, async (tab, page) => {
      await headingShown(tab, 'Class 7B');
      await visible(tab, 'From the General channel');
      const parts = tab.getByRole('tablist', { name: 'Parts of the class page' });
      await expect
        .poll(() => parts.getByRole('tab').allInnerTexts())
        .toEqual(['Posts', 'Check-ins']);
      await headingShown(tab, 'Posts for Class 7B');
      expect(await tab.getByRole('combobox', { name: /class/i }).count()).toBe(0);
      await accessible(page, 'class tab: teacher, posts');

      await parts.getByRole('tab', { name: 'Check-ins' }).click();
      await headingShown(tab, 'Check-ins for Class 7B');
      await headingShown(tab, 'How the class feels');
      await accessible(page, 'class tab: teacher, check-ins');
    });
    // Signed in by Teams SSO, not the persona picker.
    expect(calls).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
  });

  it('shows a pupil of the class their own check-ins for it, and nothing of the teacher’s', async () => {
    await inTeams(pupil, '/tab/#/class', classTeam, async (tab, page) => {
      await headingShown(tab, 'Class 7B');
      await visible(tab, 'This is your class page. Here are your own check-ins for this class.');
      await headingShown(tab, 'My check-ins');
      await visible(tab, 'Need help now?');
      expect(await tab.getByRole('tab').count()).toBe(0);
      expect(await tab.getByText('Posts for Class 7B').count()).toBe(0);
      await accessible(page, 'class tab: pupil');
    });
  });

  it('tells staff with no part in the class whose page it is and where their own part is', async () => {
    await inTeams(outsider, '/tab/#/class', classTeam, async (tab, page) => {
      await visible(tab, 'This class page is not for you');
      await visible(tab, 'Only the teachers and pupils of Class 7B, and the wellbeing lead');
      await visible(tab, 'select Belong in Teams’ app bar');
      expect(await tab.getByText('Posts for Class 7B').count()).toBe(0);
      await accessible(page, 'class tab: outsider');
    });
  });

  it('says so when Belong has no record of the team the tab is in', async () => {
    const unknown = { ...classTeam, teamId: '19:never-installed@thread.tacv2', teamName: '9Z' };
    await inTeams(teacher, '/tab/#/class', unknown, async (tab, page) => {
      await visible(tab, 'Belong does not know this team yet');
      await accessible(page, 'class tab: unknown team');
    });
  });
});

describe('the personal tabs', () => {
  const personal: FakeTeamsContext = {};

  it('#/me: a pupil’s own check-ins and asking to talk; a teacher’s home', async () => {
    await inTeams(pupil, '/tab/#/me', personal, async (tab, page) => {
      await headingShown(tab, 'My check-ins');
      await visible(tab, 'Need help now?');
      await accessible(page, '#/me: pupil');
    });
    await inTeams(teacher, '/tab/#/me', personal, async (tab, page) => {
      await headingShown(tab, `Hello, ${teacher}`);
      await tab.getByRole('link', { name: 'Open the class page for Class 7B' }).waitFor();
      await accessible(page, '#/me: teacher');
    });
  });

  it('#/rota: the coordinator’s rota; a teacher and a pupil are told whose it is and what to do', async () => {
    await inTeams(outsider, '/tab/#/rota', personal, async (tab, page) => {
      await headingShown(tab, 'Peer support rota');
      await accessible(page, '#/rota: coordinator');
    });
    await inTeams(teacher, '/tab/#/rota', personal, async (tab, page) => {
      await visible(tab, 'The rota is for wellbeing ambassadors');
      await visible(tab, 'ask your school admin to give you the role');
      await accessible(page, '#/rota: teacher');
    });
    await inTeams(pupil, '/tab/#/rota', personal, async (tab) => {
      await visible(tab, 'If you would like to be a wellbeing ambassador, ask your teacher.');
    });
  });

  it('#/inbox (from Home): the DSL’s talk requests; anyone else is told it is the safeguarding team’s', async () => {
    // The manifest has no Safeguarding tab (decision 024): the DSL gets there from Home.
    await inTeams('Ms Ruth Evans', '/tab/#/me', personal, async (tab, page) => {
      await tab
        .getByRole('navigation', { name: 'Belong' })
        .getByRole('link', { name: 'Safeguarding' })
        .click();
      await headingShown(tab, 'Talk requests');
      await accessible(page, '#/inbox: DSL');
    });
    await inTeams(teacher, '/tab/#/inbox', personal, async (tab, page) => {
      await visible(tab, 'Only the safeguarding team can see this');
      await visible(tab, 'follow your school’s safeguarding policy');
      await accessible(page, '#/inbox: teacher');
    });
    await inTeams(pupil, '/tab/#/inbox', personal, async (tab, page) => {
      await visible(tab, 'This page is for the adults who keep pupils safe.');
      await visible(tab, 'Need help now?');
      await accessible(page, '#/inbox: pupil');
    });
  });

  it('no entry point says a part of Belong is not ready', async () => {
    for (const path of ['/tab/#/class', '/tab/#/me', '/tab/#/rota', '/tab/#/inbox']) {
      await inTeams(outsider, path, classTeam, async (tab) => {
        await tab.locator('main h2, main [role="alert"], main .fui-MessageBar').first().waitFor();
        expect(await tab.getByText(/not ready yet/i).count(), path).toBe(0);
      });
    }
  });
});

describe('the configuration page and sign-in failures', () => {
  it('the configuration page lets the teacher save, and saves the class tab', async () => {
    await withPage(browser, async (page) => {
      const teams = await openInFakeTeams(page, {
        baseUrl: tab.stack.baseUrl,
        path: '/tab/config',
        token: { error: 'not asked for on this page' },
        context: { ...classTeam, frameContext: 'settings' },
      });
      await visible(teams.tab, 'Select Save to add Belong as a tab in this class team.');
      await expect.poll(teams.calls).toContain('settings.setValidityState');
      await page.evaluate(() =>
        document
          .querySelector<HTMLIFrameElement>('#tab')!
          .contentWindow!.postMessage({ func: 'settings.save', args: [{}] }, 'https://belong.test'),
      );
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { saved: unknown[] }).saved))
        .toEqual([expect.objectContaining({ contentUrl: 'https://belong.test/tab/#/class' })]);
      await expect.poll(teams.calls).toContain('settings.save.success');
      await accessible(page, 'configuration page in Teams');
    });
  });

  it('says what to do when Teams cannot sign the person in because consent is missing', async () => {
    await inTeams({ error: 'resourceRequiresConsent' }, '/tab/#/me', {}, async (tab, page) => {
      await visible(tab, /Belong needs permission to sign you in\. Ask your school’s IT team/);
      await tab.getByRole('button', { name: 'Try again' }).waitFor();
      await accessible(page, 'consent needed');
    });
    await inTeams({ error: 'CancelledByUser' }, '/tab/#/me', {}, async (tab) => {
      await visible(tab, 'Teams could not sign you in to Belong.');
    });
  });

  it('in Outlook or the Microsoft 365 app, says to open Belong in Teams', async () => {
    await inTeams(pupil, '/tab/#/me', { hostName: 'Outlook' }, async (tab, page) => {
      await headingShown(tab, 'Open Belong in Microsoft Teams');
      await accessible(page, 'outside Teams hosts');
    });
  });
});
