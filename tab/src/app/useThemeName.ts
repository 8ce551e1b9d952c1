import { useEffect, useState, useSyncExternalStore } from 'react';
import { onTeamsThemeChange, type HostContext } from '../teams/host.js';
import { themeFromMedia, themeFromTeams, type ThemeName } from '../theme/theme-name.js';

const darkQuery = '(prefers-color-scheme: dark)';
const forcedColorsQuery = '(forced-colors: active)';

/** Inside Teams follow the Teams theme; elsewhere (and while starting) follow the browser. */
export function useThemeName(host: HostContext | null | undefined): ThemeName {
  const [teamsTheme, setTeamsTheme] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!host) return;
    setTeamsTheme(host.theme);
    onTeamsThemeChange(setTeamsTheme);
  }, [host]);

  const mediaTheme = useSyncExternalStore(subscribeToMedia, readMediaTheme);
  return host ? themeFromTeams(teamsTheme ?? host.theme) : mediaTheme;
}

function subscribeToMedia(onChange: () => void): () => void {
  const queries = [window.matchMedia(darkQuery), window.matchMedia(forcedColorsQuery)];
  queries.forEach((query) => query.addEventListener('change', onChange));
  return () => queries.forEach((query) => query.removeEventListener('change', onChange));
}

function readMediaTheme(): ThemeName {
  return themeFromMedia({
    dark: window.matchMedia(darkQuery).matches,
    forcedColors: window.matchMedia(forcedColorsQuery).matches,
  });
}
