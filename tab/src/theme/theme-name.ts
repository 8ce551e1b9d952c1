/** Belong's three looks, matching the three Teams themes. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Teams reports "default", "dark", "contrast" (and, in newer hosts, others such as "glass"). */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  switch (teamsTheme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}

/** Outside Teams: forced colours (Windows high contrast) beat a dark colour-scheme preference. */
export function themeFromMedia(media: { dark: boolean; forcedColors: boolean }): ThemeName {
  if (media.forcedColors) return 'contrast';
  return media.dark ? 'dark' : 'light';
}
