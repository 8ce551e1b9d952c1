import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../routing/route.js';

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, () => location.href);
  return useMemo(() => {
    const url = new URL(href);
    return parseRoute(url.pathname, url.hash);
  }, [href]);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}
