/**
 * Where the tab is. `/tab/config` is a real path (Teams loads it as the configuration page); the
 * views inside the app are hash routes so the server only has to serve one index.html.
 */
export const sectionRoutes = ['class', 'me', 'rota', 'inbox'] as const;
export type SectionRoute = (typeof sectionRoutes)[number];
export type Route = { view: 'config' } | { view: 'home'; section?: SectionRoute };

export function parseRoute(pathname: string, hash: string): Route {
  if (/^\/tab\/config\/?$/.test(pathname)) return { view: 'config' };
  const first = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const section = sectionRoutes.find((name) => name === first);
  return section ? { view: 'home', section } : { view: 'home' };
}
