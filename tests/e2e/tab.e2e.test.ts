/**
 * The tab in Chromium against the real server in local mode (demo school seeded, bot installed in
 * Class 7B): persona sign-in, roles, class teams, Welsh, dark mode, the configuration page, and a
 * bad token — with axe (WCAG 2.1 A/AA) on every view visited.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { wallMs } from '../../core/testing/wall-clock.js';
import { startStack } from '../support/stack.js';
import { buildTab } from '../support/tab-stack.js';
import {
  expectAccessible,
  expectText,
  heading,
  openTabAs,
  signInAs,
  withPage,
} from '../support/tab-page.js';

const repo = path.resolve(import.meta.dirname, '../..');

let stack: Awaited<ReturnType<typeof startStack>>;
let browser: Browser;

beforeAll(async () => {
  buildTabIfStale();
  // The Playground's school only: these checks count Class 7B's channels and the home page's
  // links, which the richer demo's other classes would add to (decision 025).
  stack = await startStack({ env: { DEMO_CHECKINS: 'false' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the tab in a browser, outside Teams, in local mode', () => {
  it('signs the teacher, a pupil and the DSL in through the persona picker', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${stack.baseUrl}/tab/`);
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-GB');
      await expectAccessible(page, 'persona picker');

      await signInAs(page, 'Ms Ada Khan');
      await expectText(page, 'Teacher in Class 7B');
      await expectClass7B(page);
      await expectAccessible(page, 'teacher home');

      await page.getByRole('button', { name: 'Switch person' }).click();
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
      await signInAs(page, 'Amir Hassan');
      await expectText(page, 'Pupil in Class 7B');
      await expectClass7B(page);
      expect(await page.getByText('Teacher', { exact: false }).count()).toBe(0);
      await expectAccessible(page, 'pupil home');

      await page.getByRole('button', { name: 'Switch person' }).click();
      await signInAs(page, 'Ms Ruth Evans');
      await expectText(page, 'Designated safeguarding lead');
      // Whole-school staff see every class team, though they are in none.
      await expectClass7B(page);
      await expectAccessible(page, 'DSL home');
    });
  });

  it('shows every other persona their roles', async () => {
    const expected: [string, string[]][] = [
      ['Bethan Morgan', ['Pupil in Class 7B', 'Wellbeing ambassador']],
      ['Mr Gareth Price', ['Ambassador coordinator']],
      ['Mrs Helen Jones', ['Wellbeing lead']],
      ['Mr Ian Reid', ['School admin']],
    ];
    await withPage(browser, async (page) => {
      await page.goto(`${stack.baseUrl}/tab/`);
      for (const [name, roles] of expected) {
        await signInAs(page, name);
        for (const role of roles) await expectText(page, role);
        await expectAccessible(page, `${name} home`);
        await page.getByRole('button', { name: 'Switch person' }).click();
      }
    });
  });

  it('switches to Welsh, sets <html lang="cy"> and remembers the choice', async () => {
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
      await page.getByRole('button', { name: 'Cymraeg' }).click();

      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('cy');
      await expect.poll(() => heading(page, 'Helo, Ms Ada Khan')).toBe(true);
      await expectText(page, 'Athro yn Class 7B');
      await expect.poll(() => heading(page, 'Eich timau dosbarth')).toBe(true);
      await expect.poll(() => heading(page, 'Perthyn', 1)).toBe(true);
      await expect.poll(() => page.title()).toBe('Perthyn');
      // Dates in Welsh too: Chromium has no Welsh locale data, so Belong writes them (decision 036).
      const main = () => page.locator('main').innerText();
      await expect
        .poll(main)
        .toMatch(
          /ychwanegu ar \d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/,
        );
      expect(await main()).not.toMatch(
        /January|February|March|April|May|June|July|August|September|October|November|December/,
      );
      await expectAccessible(page, 'Welsh home');

      await page.reload();
      await expect.poll(() => heading(page, 'Helo, Ms Ada Khan')).toBe(true);
      await page.getByRole('button', { name: 'Newid person' }).click();
      await expect.poll(() => heading(page, 'Dewiswch pwy ydych chi')).toBe(true);
      await expectAccessible(page, 'Welsh persona picker');

      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-GB');
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
    });
  });

  it('can be used with the keyboard alone', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${stack.baseUrl}/tab/`);
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
      await page.keyboard.press('Tab'); // the language switch
      expect(await focusedText(page)).toBe('Cymraeg');
      await page.keyboard.press('Tab'); // the first person
      expect(await focusedText(page)).toContain('Ms Ada Khan');
      expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(
        true,
      );
      await page.keyboard.press('Enter');
      await expect.poll(() => heading(page, 'Hello, Ms Ada Khan')).toBe(true);
      // Tab goes on from where the chosen person was: the class card's link, then round to the top.
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Open the class page for Class 7B');
      await page.keyboard.press('Tab'); // out of the page
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Cymraeg');
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Switch person');
      await page.keyboard.press('Enter');
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
    });
  });

  it('follows a dark colour scheme', async () => {
    await withPage(browser, async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
      const background = await page
        .locator('.fui-FluentProvider')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(luminance(background), background).toBeLessThan(0.2);
      await expectAccessible(page, 'dark home');
    });
  });

  it("renders the tab entry points outside Teams: class pages from the route, the safeguarding inbox only for the safeguarding team, and a teacher's personal tab as home", async () => {
    await withPage(browser, async (page) => {
      await openTabAs(page, stack.baseUrl, 'Ms Ada Khan');
      // Without a Teams context, #/class lists the person's classes; each opens #/class/<teamId>.
      await page.goto(`${stack.baseUrl}/tab/#/class`);
      await expect.poll(() => heading(page, 'Class pages')).toBe(true);
      await page.getByRole('link', { name: 'Class 7B' }).click();
      await expect.poll(() => heading(page, 'Posts for Class 7B')).toBe(true);
      await expect.poll(() => heading(page, 'Class 7B', 2)).toBe(true);
      await expectAccessible(page, '#/class/<teamId> for its teacher');
      await page.goto(`${stack.baseUrl}/tab/#/inbox`);
      await expectText(page, 'Only the safeguarding team can see this');
      await expectAccessible(page, '#/inbox for a teacher');
      for (const section of ['me', '']) {
        await page.goto(`${stack.baseUrl}/tab/#/${section}`);
        await expectClass7B(page);
        await page.getByRole('link', { name: 'Open the class page for Class 7B' }).waitFor();
        expect(await page.getByText(/not ready yet/i).count()).toBe(0);
      }
    });
  });

  it('explains the configuration page outside Teams', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${stack.baseUrl}/tab/config`);
      await expect.poll(() => heading(page, 'Add Belong to this class team')).toBe(true);
      await expectText(page, 'This page is used when a teacher adds Belong to a class team');
      await expectAccessible(page, 'configuration page');
    });
  });

  it('sends someone with a garbage or expired token back to the picker', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${stack.baseUrl}/tab/`);
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);

      // The browser checks the stored token's expiry against its own clock, the machine's.
      const future = new Date(wallMs() + 3_600_000).toISOString();
      await setDevToken(page, { token: 'garbage.not.a-jwt', expiresAt: future });
      await page.reload();
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
      await expectText(page, 'Your sign-in has ended');
      expect(await page.evaluate(() => sessionStorage.getItem('belong.devToken'))).toBeNull();
      await expectAccessible(page, 'picker after a refused token');

      const past = new Date(wallMs() - 60_000).toISOString();
      await setDevToken(page, { token: 'garbage.not.a-jwt', expiresAt: past });
      await page.reload();
      await expect.poll(() => heading(page, 'Choose who you are')).toBe(true);
    });
  });
});

async function expectClass7B(page: Page): Promise<void> {
  await expect.poll(() => heading(page, 'Class 7B', 4)).toBe(true);
  // The demo school has other classes too (the DSL sees them all): Class 7B's own card.
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Class 7B', exact: true, level: 4 }) });
  const channels = card.getByRole('list', { name: 'Channels' });
  await expect
    .poll(() => channels.getByRole('listitem').allInnerTexts())
    .toEqual(['General', 'Wellbeing']);
}

function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim());
}

async function setDevToken(page: Page, value: { token: string; expiresAt: string }) {
  await page.evaluate((v) => sessionStorage.setItem('belong.devToken', JSON.stringify(v)), value);
}

/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Builds tab/dist when it is missing or older than any source it is built from. */
function buildTabIfStale(): void {
  const built = path.join(repo, 'tab/dist/index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sources = [
    path.join(repo, 'tab/src'),
    path.join(repo, 'tab/index.html'),
    path.join(repo, 'tab/vite.config.ts'),
    path.join(repo, 'core'),
  ];
  if (builtAt > 0 && sources.every((source) => newestMtime(source) < builtAt)) return;
  buildTab();
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}
