import { describe, expect, it } from 'vitest';
import { parseRoute, sectionHref } from './route.js';

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

  it.each(['class', 'me', 'rota', 'inbox', 'posts', 'calendar', 'cmhw'] as const)(
    'knows the #/%s entry point',
    (section) => {
      expect(parseRoute('/tab/', `#/${section}`)).toEqual({ view: 'home', section });
      expect(parseRoute('/tab/index.html', `#/${section}?x=1`)).toEqual({
        view: 'home',
        section,
      });
    },
  );

  it('reads the class a section is about, and ignores a broken one', () => {
    const teamId = '19:abc@thread.tacv2';
    expect(parseRoute('/tab/', sectionHref('posts', teamId))).toEqual({
      view: 'home',
      section: 'posts',
      teamId,
    });
    expect(parseRoute('/tab/', '#/posts/%E0%A4%A?x')).toEqual({ view: 'home', section: 'posts' });
  });
});

describe('sectionHref', () => {
  it('links home and sections', () => {
    expect(sectionHref()).toBe('#/');
    expect(sectionHref('calendar')).toBe('#/calendar');
    expect(sectionHref('posts', 'a b')).toBe('#/posts/a%20b');
  });
});
