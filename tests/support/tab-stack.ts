/**
 * The tab's suites in one call: a fresh build of the tab in a temporary folder, the whole app
 * serving it (`startStack`), and Chromium. `stop()` undoes all three; if a step fails, whatever
 * was already started is undone before the error is thrown.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startStack, type Stack } from './stack.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the tab with vite into `outDir` (emptied first), or into tab/dist when none is given. */
export function buildTab(outDir?: string): void {
  execFileSync(
    process.execPath,
    [
      path.join(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'tab/vite.config.ts',
      '--logLevel',
      'warn',
      ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : []),
    ],
    { cwd: repo, stdio: 'pipe' },
  );
}

export interface TabStack {
  stack: Stack;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startTabStack(
  opts: { env?: Record<string, string>; playground?: boolean; now?: Date } = {},
): Promise<TabStack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    // Its own build of the tab, so this suite never races another one rebuilding tab/dist.
    const tabDist = mkdtempSync(path.join(tmpdir(), 'belong-tab-'));
    stops.push(async () => rmSync(tabDist, { recursive: true, force: true }));
    buildTab(tabDist);
    const stack = await startStack({ ...opts, env: { TAB_DIST: tabDist, ...opts.env } });
    stops.push(() => stack.stop());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return { stack, browser, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
