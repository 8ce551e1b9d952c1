import { describe, expect, it } from 'vitest';
import { parseRoute } from './route.js';

describe('parseRoute', () => {
  it('recognises the configuration page by path', () => {
    expect(parseRoute('/tab/config', '')).toEqual({ view: 'config' });
    expect(parseRoute('/tab/config/', '#/class')).toEqual({ view: 'config' });
  });

  it('treats the root and unknown hashes as home', () => {
    expect(parseRoute('/tab/', '')).toEqual({ view: 'home' });
    expect(parseRoute('/tab/', '#/')).toEqual({ view: 'home' });
    expect(parseRoute('/tab/', '#/nowhere')).toEqual({ view: 'home' });
    expect(parseRoute('/tab/configuration', '')).toEqual({ view: 'home' });
  });

  it.each(['class', 'me', 'rota', 'inbox'] as const)('knows the #/%s entry point', (section) => {
    expect(parseRoute('/tab/', `#/${section}`)).toEqual({ view: 'home', section });
    expect(parseRoute('/tab/index.html', `#/${section}?x=1`)).toEqual({ view: 'home', section });
  });
});
