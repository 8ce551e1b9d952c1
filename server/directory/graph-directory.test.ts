import type { TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { isBelongError } from '../../core/errors.js';
import { wallMs } from '../../core/testing/wall-clock.js';
import { GraphDirectory } from './graph-directory.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const credential: TokenCredential = {
  getToken: async () => ({ token: 'graph-token', expiresOnTimestamp: wallMs() + 60_000 }),
};

/** A Graph that records each request and answers with `reply`. */
function fakeGraph(reply: () => Response) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const directory = new GraphDirectory({
    baseUrl: 'https://graph.test/v1.0',
    credential,
    fetch: (async (url: string, init?: RequestInit) => {
      calls.push({ url, headers: init?.headers as Record<string, string> });
      return reply();
    }) as typeof fetch,
  });
  return { directory, calls };
}

const users = (value: unknown[]) => () => new Response(JSON.stringify({ value }), { status: 200 });

describe('GraphDirectory.findPeople', () => {
  it('searches display names with an advanced query (ConsistencyLevel: eventual), top 10', async () => {
    const { directory, calls } = fakeGraph(
      users([
        { id: 'u2', displayName: 'Ms Ruth Evans ' },
        { id: 'u1', displayName: 'Mr Owen Davies' },
      ]),
    );
    expect(await directory.findPeople(tenantId, 'Ev', 10)).toEqual([
      { userId: 'u1', displayName: 'Mr Owen Davies' },
      { userId: 'u2', displayName: 'Ms Ruth Evans' },
    ]);
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://graph.test/v1.0/users');
    expect(url.searchParams.get('$search')).toBe('"displayName:Ev"');
    expect(url.searchParams.get('$select')).toBe('id,displayName');
    expect(url.searchParams.get('$top')).toBe('10');
    expect(calls[0]!.headers).toMatchObject({
      authorization: 'Bearer graph-token',
      ConsistencyLevel: 'eventual',
    });
  });

  it('keeps quotes and backslashes out of the search term, and asks nothing for an empty one', async () => {
    const { directory, calls } = fakeGraph(users([]));
    await directory.findPeople(tenantId, 'O"Neil\\', 10);
    expect(new URL(calls[0]!.url).searchParams.get('$search')).toBe('"displayName:O Neil"');
    expect(await directory.findPeople(tenantId, ' " ', 10)).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('leaves out users without an id or a name, and never returns more than asked', async () => {
    const { directory } = fakeGraph(
      users([
        { id: 'a', displayName: 'Ann' },
        { id: null, displayName: 'No id' },
        { id: 'b', displayName: '  ' },
        { id: 'c', displayName: 'Cai' },
        { id: 'd', displayName: 'Dai' },
      ]),
    );
    expect((await directory.findPeople(tenantId, 'a', 2)).map((p) => p.userId)).toEqual(['a', 'c']);
  });

  it('says plainly when the app may not read users (403), and fails on other errors', async () => {
    const denied = fakeGraph(() => new Response('{}', { status: 403 }));
    const error = await denied.directory.findPeople(tenantId, 'Ruth', 10).catch((e: unknown) => e);
    expect(isBelongError(error, 'unavailable')).toBe(true);
    const broken = fakeGraph(() => new Response('{}', { status: 500 }));
    await expect(broken.directory.findPeople(tenantId, 'Ruth', 10)).rejects.toThrow(/500/);
  });
});
