import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient, SignInError } from '../../../api/client.js';
import { schoolApiOf } from './school-api.js';

const createSchoolApi = (options: Parameters<typeof createApiClient>[0]) =>
  schoolApiOf(createApiClient(options));

function recording(respond: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('school view API calls', () => {
  it('asks for trends and the CSV with the bearer token and the question and period', async () => {
    const { calls, fetch } = recording((url) =>
      url.includes('.csv') ? new Response('\uFEFFlevel,name\r\nclass,Tŷ\r\n') : json({ k: 5 }),
    );
    const api = createSchoolApi({ getToken: async () => 'tok', fetch, baseUrl: 'http://x' });
    expect(await api.trends('trusted-adult', 'term')).toEqual({ k: 5 });
    // The byte order mark survives, so the saved file opens in Excel with ŵ and ŷ intact.
    expect(await api.trendsCsv('mood', 'week')).toBe('\uFEFFlevel,name\r\nclass,Tŷ\r\n');
    expect(calls.map((c) => c.url)).toEqual([
      'http://x/api/school/checkins/trends?question=trusted-adult&period=term',
      'http://x/api/school/checkins/trends.csv?question=mood&period=week',
    ]);
    for (const call of calls) {
      expect((call.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    }
    expect((calls[1]!.init.headers as Record<string, string>).Accept).toBe('text/csv');
  });

  it('saves settings with PUT and JSON', async () => {
    const { calls, fetch } = recording((_, init) => json(JSON.parse(String(init.body))));
    const api = createSchoolApi({ getToken: async () => 'tok', fetch });
    const body = { k: 7, yearGroups: { a: 'R' } };
    expect(await api.saveSettings(body)).toEqual(body);
    expect(calls[0]).toMatchObject({
      url: '/api/school/checkin-settings',
      init: { method: 'PUT', body: JSON.stringify(body) },
    });
  });

  it('fails as the shared client does: status, code and problem codes; network; no token', async () => {
    const refused = createSchoolApi({
      getToken: async () => 'tok',
      fetch: recording(() =>
        json({ error: { code: 'invalidInput', message: 'no', problems: ['kTooSmall', 3] } }, 400),
      ).fetch,
    });
    const error = await refused.saveSettings({ k: 4, yearGroups: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalidInput', problems: ['kTooSmall'] });

    const forbidden = createSchoolApi({
      getToken: async () => 'tok',
      fetch: recording(() => new Response('nope', { status: 403 })).fetch,
    });
    await expect(forbidden.trends('mood', 'week')).rejects.toMatchObject({
      status: 403,
      code: 'http_403',
    });

    const offline = createSchoolApi({
      getToken: async () => 'tok',
      fetch: (async () => {
        throw new TypeError('failed');
      }) as unknown as typeof fetch,
    });
    await expect(offline.settings()).rejects.toMatchObject({ status: 0, code: 'network' });

    const noToken = createSchoolApi({
      getToken: () => Promise.reject(new Error('no')),
      fetch: recording(() => json({})).fetch,
    });
    await expect(noToken.settings()).rejects.toBeInstanceOf(SignInError);
  });
});
