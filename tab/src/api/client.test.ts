import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError, createApiClient, SignInError } from './client.js';
import { errorMessageKey } from './error-message.js';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('createApiClient', () => {
  it('sends the bearer token on authenticated calls only', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), auth: new Headers(init?.headers).get('Authorization') });
      return json(200, { ok: true });
    });
    const client = createApiClient({ getToken: async () => 'tok', fetch, baseUrl: 'http://x' });
    await client.session.config();
    await client.session.me();
    expect(seen).toEqual([
      { url: 'http://x/api/config', auth: null },
      { url: 'http://x/api/me', auth: 'Bearer tok' },
    ]);
  });

  it('posts JSON for a dev token', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.method).toBe('POST');
      expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
      expect(init?.body).toBe('{"personaId":"p1"}');
      return json(200, { token: 't', expiresAt: '2026-01-01T00:00:00Z' });
    });
    const client = createApiClient({ getToken: async () => '', fetch });
    await expect(client.session.devToken({ personaId: 'p1' })).resolves.toEqual({
      token: 't',
      expiresAt: '2026-01-01T00:00:00Z',
    });
  });

  it('turns an ApiError body into a typed error', async () => {
    const fetch = async () => json(403, { error: { code: 'forbidden', message: 'No.' } });
    const client = createApiClient({ getToken: async () => 't', fetch });
    const error = await client.teams.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'No.' });
    expect(errorMessageKey(error)).toBe('tab.error.forbidden');
  });

  it('copes with a non-JSON error body', async () => {
    const fetch = async () =>
      new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' });
    const client = createApiClient({ getToken: async () => 't', fetch });
    const error = await client.session.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
    expect(errorMessageKey(error)).toBe('tab.error.server');
  });

  it('calls onUnauthorized on a 401 before throwing', async () => {
    const onUnauthorized = vi.fn();
    const fetch = async () => json(401, { error: { code: 'unauthorized', message: 'expired' } });
    const client = createApiClient({ getToken: async () => 'old', fetch, onUnauthorized });
    await expect(client.session.me()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('reports a network failure as status 0', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const client = createApiClient({ getToken: async () => 't', fetch });
    const error = await client.session.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(errorMessageKey(error)).toBe('tab.error.network');
  });

  it('reports a host that will not give a token as a sign-in error, without calling the API', async () => {
    const fetch = vi.fn();
    const client = createApiClient({
      getToken: async () => {
        throw new Error('CancelledByUser');
      },
      fetch,
    });
    const error = await client.session.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(errorMessageKey(error)).toBe('tab.error.sso');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the problem codes of refused input', async () => {
    const fetch = async () =>
      json(400, {
        error: { code: 'invalidInput', message: 'No.', problems: ['endBeforeStart', 7] },
      });
    const client = createApiClient({ getToken: async () => 't', fetch });
    const error = await client.connect
      .createSchedule('19:x@thread', {
        channelId: 'c',
        time: '08:50',
        content: { kind: 'prompt', promptId: 'p' },
        repeat: { kind: 'once', date: '2026-11-25' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, problems: ['endBeforeStart'] });
  });

  it('escapes ids in paths and uses DELETE and PUT where the API does', async () => {
    const seen: string[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(`${init?.method} ${String(input)}`);
      return json(200, {});
    });
    const client = createApiClient({ getToken: async () => 't', fetch });
    await client.connect.cancelSchedule('19:a@thread.tacv2', 's/1');
    await client.connect.saveCalendar({ terms: [], closures: [] });
    await client.connect.occurrence('s1@2026-11-25');
    expect(seen).toEqual([
      'DELETE /api/teams/19%3Aa%40thread.tacv2/schedules/s%2F1',
      'PUT /api/school/calendar',
      'GET /api/occurrences/s1%402026-11-25',
    ]);
  });
});
