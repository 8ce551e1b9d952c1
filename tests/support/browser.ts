/**
 * Chromium for browser tests, driven by playwright-core (`npx playwright install` cannot work
 * here). Which one: `BELONG_CHROMIUM` (a path, or `bundled`) wins; else Debian's /usr/bin/chromium
 * when it is installed; else the Chromium shipped inside the npm package @sparticuz/chromium, so a
 * fresh machine needs only `npm ci`. A plain `launch` uses a fresh temporary profile, and every
 * page asks for reduced motion, so nothing is measured half-way through an animation.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { bundledChromium } from './bundled-chromium.js';

export const debianChromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChosenChromium {
  /** Which browser, in words, for the line the test run prints … */
  description: string;
  /** … and, after its version there, why it was chosen or where it is. */
  notes: string[];
  executablePath: string;
  /** What the browser needs on top of our environment (the bundled one: its libraries, fonts). */
  env: Record<string, string>;
}

let chosen: Promise<ChosenChromium> | undefined;

/** Picks the browser once per process; the bundled one is unpacked on first use. */
export function chooseChromium(): Promise<ChosenChromium> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<ChosenChromium> {
  const wanted = process.env.BELONG_CHROMIUM;
  if (wanted === 'bundled') return bundledChromium('BELONG_CHROMIUM=bundled');
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`BELONG_CHROMIUM=${wanted}: no such file`);
    const description = `the Chromium at ${wanted}`;
    return { description, notes: ['from BELONG_CHROMIUM'], executablePath: wanted, env: {} };
  }
  if (existsSync(debianChromiumPath)) {
    const description = `Debian Chromium at ${debianChromiumPath}`;
    return { description, notes: [], executablePath: debianChromiumPath, env: {} };
  }
  return bundledChromium(`there is no ${debianChromiumPath}`);
}

/** One line for the test run: which browser and its version (`chromium --version`). */
export async function describeChromium(): Promise<string> {
  const { description, notes, executablePath, env } = await chooseChromium();
  const { stdout } = await promisify(execFile)(executablePath, ['--version'], {
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return `browser tests use ${description} (${[stdout.trim(), ...notes].join('; ')})`;
}

/** Contexts (and `newPage`) default to reduced motion; a test may still ask for more. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = await chooseChromium();
  const browser = await chromium.launch({
    executablePath,
    args: chromiumArgs,
    env: { ...process.env, ...env },
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options?: BrowserContextOptions) =>
    newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}
