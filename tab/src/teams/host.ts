/**
 * With auth/teams-sso.ts (the SSO token), the only module that touches @microsoft/teams-js, so a
 * future SDK change lands here alone. Everything it returns is plain data.
 */
import { app, pages } from '@microsoft/teams-js';

export interface HostContext {
  locale: string | undefined;
  theme: string | undefined;
  userName: string | undefined;
  teamName: string | undefined;
  channelName: string | undefined;
  /**
   * The team a channel tab is in: `team.internalId`, the Teams id ("19:…@thread.tacv2") that the
   * bot records from `channelData.team.id` when it is added to the team, so it names Belong's
   * class team. (`team.groupId`, the Microsoft 365 group, comes only with an identity permission.)
   */
  teamId: string | undefined;
  /** Which Microsoft 365 app hosts the tab: "Teams", "Outlook", "Office"… */
  hostName: string | undefined;
}

/**
 * Outside Teams `app.initialize()` neither resolves nor rejects in useful time, so a short race
 * decides: null means "not in Teams".
 */
export async function connectToTeams(timeoutMs = 1500): Promise<HostContext | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timeout]);
    if (outcome === 'timeout') return null;
    const context = await app.getContext();
    app.notifySuccess();
    return {
      locale: context.app.locale,
      theme: context.app.theme,
      userName: context.user?.displayName,
      teamName: context.team?.displayName,
      channelName: context.channel?.displayName,
      teamId: context.team?.internalId,
      hostName: context.app.host.name,
    };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export function onTeamsThemeChange(handler: (theme: string) => void): void {
  app.registerOnThemeChangeHandler(handler);
}

export interface TabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** Configuration page: save `config` when the teacher selects Save, and let them select it now. */
export function registerTabConfig(config: TabConfig, onFailure: () => void): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig(config)
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => {
        onFailure();
        saveEvent.notifyFailure(error instanceof Error ? error.message : 'setConfig failed');
      });
  });
  pages.config.setValidityState(true);
}
