/**
 * A fake Teams around the tab, for browser tests of the Teams entry points. teams-js talks to the
 * page that frames it with postMessage and only believes a parent on a Microsoft origin over
 * https, so the test serves a small host page as https://teams.microsoft.com (Playwright routes
 * it; nothing leaves the machine) that frames the tab, itself served as https://belong.test from
 * the test's own server, and answers teams-js the way Teams does: `initialize` (frame context and
 * runtime), `getContext` (team, channel, host, locale, theme) and
 * `authentication.getAuthToken` (a token, or the error Teams gives). The token is a local-mode
 * sign-in token for a demo persona: the server checks it as it checks any token in local mode,
 * while the production checks of Teams SSO tokens are tested against a fake Entra ID
 * (server/auth/production-auth.test.ts).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const fakeTeamsOrigin = 'https://teams.microsoft.com';
export const tabOrigin = 'https://belong.test';

export interface FakeTeamsContext {
  /** `team.internalId`: the class team's Teams id, as the bot recorded it. */
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  /** teams-js HostName: "Teams" unless a test says otherwise. */
  hostName?: string;
  /** "content" for a tab, "settings" for the configuration page. */
  frameContext?: 'content' | 'settings';
  locale?: string;
  theme?: 'default' | 'dark' | 'contrast';
}

type HostContext = FakeTeamsContext &
  Required<Pick<FakeTeamsContext, 'hostName' | 'frameContext' | 'locale' | 'theme'>>;

export interface FakeTeamsOptions {
  /** The server the tab comes from (the stack's base URL). */
  baseUrl: string;
  /** The tab's path and hash, e.g. `/tab/#/class` or `/tab/config`. */
  path: string;
  /** What `getAuthToken` answers: a token, or Teams' reason for not giving one. */
  token: string | { error: string };
  context?: FakeTeamsContext;
}

export interface FakeTeams {
  /** The tab inside the fake Teams. */
  tab: FrameLocator;
  /** The teams-js calls the tab made, in order (`initialize`, `getContext`, …). */
  calls(): Promise<string[]>;
}

/** Opens the tab inside a fake Teams in `page`. */
export async function openInFakeTeams(page: Page, options: FakeTeamsOptions): Promise<FakeTeams> {
  const context: HostContext = {
    hostName: 'Teams',
    frameContext: 'content',
    locale: 'en-GB',
    theme: 'default',
    ...options.context,
  };
  const browser = page.context();
  // teams-js asks a CDN for the origins it trusts and falls back to its own list when it cannot.
  await browser.route('https://res.cdn.office.net/**', (route) => route.abort());
  await browser.route(`${tabOrigin}/**`, async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({ url: `${options.baseUrl}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    } catch {
      // The test ended (its browser context closed) while the request was on its way.
    }
  });
  await browser.route(`${fakeTeamsOrigin}/belong-test-host`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(`${tabOrigin}${options.path}`, options.token, context),
    }),
  );
  await page.goto(`${fakeTeamsOrigin}/belong-test-host`);
  return {
    tab: page.frameLocator('iframe#tab'),
    calls: () => page.evaluate(() => (window as unknown as { calls: string[] }).calls.slice()),
  };
}

function hostPage(src: string, token: FakeTeamsOptions['token'], context: HostContext): string {
  // teams-js reads the legacy (v1) context shape and turns it into app.Context itself.
  const legacyContext = {
    locale: context.locale,
    theme: context.theme,
    hostName: context.hostName,
    hostClientType: 'web',
    frameContext: context.frameContext,
    entityId: 'belong-class',
    teamId: context.teamId,
    teamName: context.teamName,
    channelId: context.channelId,
    channelName: context.channelName,
    userDisplayName: 'Fake Teams user',
    appSessionId: 'fake-session',
  };
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appInstallDialog: {},
      authentication: {},
      dialog: { card: {}, url: {} },
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
      teamsCore: {},
    },
  };
  const script = `
    window.calls = [];
    window.saved = [];
    const token = ${JSON.stringify(token)};
    const context = ${JSON.stringify(legacyContext)};
    const runtime = ${JSON.stringify(JSON.stringify(runtime))};
    window.addEventListener('message', (event) => {
      const frame = document.getElementById('tab').contentWindow;
      const message = event.data;
      if (event.source !== frame || !message || typeof message.func !== 'string') return;
      window.calls.push(message.func);
      const reply = (args) => frame.postMessage({ id: message.id, uuid: message.uuid, args }, '${tabOrigin}');
      switch (message.func) {
        case 'initialize':
          return reply([context.frameContext, 'web', runtime, '2.58.0']);
        case 'getContext':
          return reply([context]);
        case 'authentication.getAuthToken':
          return typeof token === 'string' ? reply([true, token]) : reply([false, token.error]);
        case 'settings.setSettings':
          window.saved.push(message.args[0]);
          return reply([true]);
        default:
          return reply([true]);
      }
    });`;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Fake Teams</title>
<style>html,body,main{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
<script>${script}</script></head>
<body><main><iframe id="tab" title="Belong" src="${src}"></iframe></main></body></html>`;
}

/**
 * WCAG 2.1 AA with axe on the fake Teams page and the tab inside it, like `expectAccessible`:
 * Fluent's focus sentinels (tabster's aria-hidden dummies, microsoft/tabster#288) are left out
 * inside the tab's frame too, where a plain selector does not reach.
 */
export async function expectAccessibleInTeams(page: Page, view: string): Promise<void> {
  const frame = page.frames().find((f) => f.url().startsWith(`${tabOrigin}/`));
  // Let Fluent's transitions end first (reduced motion makes them 1 ms), so colours are final.
  await frame?.evaluate(() =>
    Promise.race([
      Promise.allSettled(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished),
      ),
      new Promise((resolve) => setTimeout(resolve, 5_000)),
    ]).then(() => undefined),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .exclude(['iframe#tab', '[data-tabster-dummy]'])
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on the ${view}`).toEqual([]);
}

/** A local-mode sign-in token for a demo persona, as the fake Teams' SSO token. */
export async function personaToken(baseUrl: string, displayName: string): Promise<string> {
  const { personas } = (await (await fetch(`${baseUrl}/api/dev/personas`)).json()) as {
    personas: { id: string; displayName: string }[];
  };
  const persona = personas.find((p) => p.displayName === displayName);
  if (!persona) throw new Error(`no persona called ${displayName}`);
  const response = await fetch(`${baseUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personaId: persona.id }),
  });
  return ((await response.json()) as { token: string }).token;
}
