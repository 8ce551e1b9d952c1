/**
 * Where the tab is. `/tab/config` is a real path (Teams loads it as the configuration page); the
 * views inside the app are hash routes so the server only has to serve one index.html.
 */
export const sectionRoutes = [
  'class',
  'me',
  'rota',
  'inbox',
  'posts',
  'calendar',
  'cmhw',
  'checkins',
  'trends',
  'mycheckins',
  'roles',
  'audit',
] as const;
export type SectionRoute = (typeof sectionRoutes)[number];
export type Route =
  | { view: 'config' }
  /** `teamId`: the class a section is about (`#/posts/<teamId>`), when the hash names one. */
  | { view: 'home'; section?: SectionRoute; teamId?: string };

export function parseRoute(pathname: string, hash: string): Route {
  if (/^\/tab\/config\/?$/.test(pathname)) return { view: 'config' };
  const [first = '', second = ''] = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/');
  const section = sectionRoutes.find((name) => name === first);
  if (!section) return { view: 'home' };
  const teamId = decoded(second);
  return teamId ? { view: 'home', section, teamId } : { view: 'home', section };
}

/** The hash for a section (and class), the inverse of `parseRoute`. */
export function sectionHref(section?: SectionRoute, teamId?: string): string {
  if (!section) return '#/';
  return teamId ? `#/${section}/${encodeURIComponent(teamId)}` : `#/${section}`;
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part) || undefined;
  } catch {
    return undefined;
  }
}
