/**
 * Every route an Express router registers, read from the router itself (its layer stack), so a
 * test that walks them covers new routes without being told. Express 5 keeps, per layer, the
 * `route` (for `router.get(...)` and friends) or a mounted `handle` with a `stack` of its own (for
 * `router.use(subRouter)`), and the path it was registered with in `rawPath`.
 */
import type { Router } from 'express';

export interface ApiRoute {
  method: string;
  /** The path as registered, e.g. `/teams/:teamId/schedules/:scheduleId`. */
  path: string;
  /** Names of its path parameters, in order. */
  params: string[];
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

export function routesOf(router: Router, prefix = ''): ApiRoute[] {
  const out: ApiRoute[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      const path = layer.route.path;
      if (typeof path !== 'string')
        throw new Error(`A route path that is not a string (${String(path)}): teach routesOf it`);
      if (/[*{}()]/.test(path))
        throw new Error(`Route ${path} uses wildcards or optional parts: teach routesOf them`);
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (!on || method === '_all') continue;
        out.push({
          method: method.toUpperCase(),
          path: `${prefix}${path}`,
          params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!),
        });
      }
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      out.push(...routesOf(layer.handle as unknown as Router, `${prefix}${mount}`));
    }
  }
  return out;
}

/** The route's path with each parameter replaced by an already-encoded path segment. */
export function fillPath(route: ApiRoute, segments: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => segments[name] ?? 'x');
}
