/**
 * Helpers for browser tests of the tab: a fresh page per test that fails on page errors, signing
 * in through the persona picker, and the checks a person would make (headings, text, axe).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Runs `run` in a fresh en-GB browser context; any uncaught page error fails the test. It asks for
 * reduced motion, so Fluent's dialogs open at once (axe measured one half faded in, issue 15).
 */
export async function withPage(
  browser: Browser,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await run(page);
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
}

/** Opens the tab at `baseUrl` and signs in as the persona called `name` (the local picker). */
export async function openTabAs(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/tab/`);
  await signInAs(page, name);
}

/** Chooses a persona in the local picker and waits for their home page. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await expect.poll(() => heading(page, `Hello, ${name}`)).toBe(true);
}

export function heading(page: Page, name: string, level?: number): Promise<boolean> {
  return page.getByRole('heading', { name, exact: true, ...(level ? { level } : {}) }).isVisible();
}

export async function expectText(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByText(text).first().isVisible(), { message: text }).toBe(true);
}

/** WCAG 2.1 AA with axe: no violations on what the page shows now. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  await animationsFinished(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    // Fluent's focus manager (tabster) adds aria-hidden focus sentinels once a Dialog is on the
    // page; they only hand focus on and are a known false positive (microsoft/tabster#288).
    .exclude('[data-tabster-dummy]')
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on the ${view}`).toEqual([]);
}

/**
 * Waits (up to 5 s) for animations and transitions that end, so axe measures final colours, not a
 * dialog half faded in. Reduced motion shortens Fluent's to 1 ms but they still start from
 * transparent. Endless ones (spinners) are left alone.
 */
async function animationsFinished(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ending = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    const finished = Promise.allSettled(ending.map((animation) => animation.finished));
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000));
    return Promise.race([finished, timeout]).then(() => undefined);
  });
}

/** The tab's own navigation (Check-ins, Posts, Peer support…). */
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Belong' });
