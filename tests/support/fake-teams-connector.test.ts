import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SlidingWindows,
  maxInWindow,
  mulberry32,
  startFakeTeamsConnector,
  type FakeTeams,
  type FakeTeamsOptions,
  type Outcome,
} from './fake-teams-connector.js';

const CHANNEL = '19:general-7a1b@thread.tacv2';
const OFF = { perConversation: [], tenantRps: Infinity };

const started: FakeTeams[] = [];
async function start(options?: FakeTeamsOptions): Promise<FakeTeams> {
  const teams = await startFakeTeamsConnector(options);
  started.push(teams);
  return teams;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((t) => t.close()));
});

const json = { 'content-type': 'application/json' };
const enc = encodeURIComponent;

function createThread(
  teams: FakeTeams,
  channelId: string,
  opts: { ref?: string; tenant?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${teams.url}/v3/conversations`, {
    method: 'POST',
    headers: { ...json, ...opts.headers },
    body: JSON.stringify({
      isGroup: true,
      channelData: { channel: { id: channelId }, tenant: { id: opts.tenant ?? 'tenant-a' } },
      activity: { type: 'message', text: 'Check-in', channelData: { belongDeliveryId: opts.ref } },
    }),
  });
}

function sendTo(teams: FakeTeams, cid: string, replyToId?: string, ref?: string) {
  const tail = replyToId === undefined ? '' : `/${enc(replyToId)}`;
  return fetch(`${teams.url}/v3/conversations/${enc(cid)}/activities${tail}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      type: 'message',
      text: 'reply',
      conversation: { id: cid, tenantId: 'tenant-a' },
      channelData: { belongDeliveryId: ref },
    }),
  });
}

function update(teams: FakeTeams, cid: string, activityId: string) {
  return fetch(`${teams.url}/v3/conversations/${enc(cid)}/activities/${enc(activityId)}`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ type: 'message', id: activityId, text: 'edited' }),
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fake Teams connector: routes', () => {
  it('creates a channel thread and records it against the channel', async () => {
    const teams = await start();
    const res = await createThread(teams, CHANNEL, { ref: 'd-1' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; activityId: string };
    expect(body).toEqual({ id: `${CHANNEL};messageid=${body.activityId}`, activityId: '1' });
    expect(teams.posts()).toMatchObject([
      {
        kind: 'create',
        conversation: CHANNEL,
        tenant: 'tenant-a',
        activityId: '1',
        clientRef: 'd-1',
      },
    ]);
    expect(teams.countsByConversation()).toEqual(new Map([[CHANNEL, 1]]));
  });

  it('creates a personal chat without recording a post', async () => {
    const teams = await start();
    const res = await fetch(`${teams.url}/v3/conversations`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ isGroup: false, members: [{ id: '29:pupil' }], tenantId: 't' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'a:personal-29:pupil' });
    expect(teams.posts()).toEqual([]);
    expect(teams.log()[0]).toMatchObject({ outcome: 'accepted', tenant: 't' });
  });

  it('sends into a thread (with and without replyToId); the thread counts as its channel', async () => {
    const teams = await start();
    const created = (await (await createThread(teams, CHANNEL)).json()) as { id: string };
    const a = await sendTo(teams, created.id, '1', 'r-1');
    const b = await sendTo(teams, created.id);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await a.json()).toEqual({ id: '2' });
    expect(teams.postsFor(CHANNEL).map((p) => [p.kind, p.conversationId])).toEqual([
      ['create', created.id],
      ['send', created.id],
      ['send', created.id],
    ]);
    expect(teams.posts()[1]?.clientRef).toBe('r-1');
  });

  it('updates a posted activity and refuses an unknown one', async () => {
    const teams = await start();
    const created = (await (await createThread(teams, CHANNEL)).json()) as {
      id: string;
      activityId: string;
    };
    const ok = await update(teams, created.id, created.activityId);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: created.activityId });
    expect(teams.updates()).toMatchObject([{ kind: 'update', conversation: CHANNEL }]);
    expect(teams.posts()).toHaveLength(1);

    const unknown = await update(teams, created.id, '999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'ActivityNotFound' } });
    const otherChannel = await update(teams, '19:other@thread.tacv2', created.activityId);
    expect(otherChannel.status).toBe(404);
  });

  it('answers anything else with 404 JSON', async () => {
    const teams = await start();
    for (const [method, path] of [
      ['GET', '/v3/teams/19:x/conversations'],
      ['DELETE', `/v3/conversations/${enc(CHANNEL)}/activities/1`],
      ['POST', '/v2/conversations'],
    ] as const) {
      const res = await fetch(`${teams.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'NotFound' } });
    }
    expect(teams.requests()).toBe(3);
  });

  it('takes the tenant from x-ms-tenant-id when present', async () => {
    const teams = await start();
    await createThread(teams, CHANNEL, { headers: { 'x-ms-tenant-id': 'from-header' } });
    expect(teams.posts()[0]?.tenant).toBe('from-header');
  });
});

describe('fake Teams connector: Teams limits', () => {
  it('refuses the 8th post within a second to one channel, with Retry-After', async () => {
    const teams = await start();
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await createThread(teams, CHANNEL);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited?.json()).toEqual({
      error: { code: 'TooManyRequests', message: expect.any(String) },
    });
    expect(teams.violations()).toEqual({ conversation: 1, tenant: 0 });
    expect(teams.posts()).toHaveLength(7);
  });

  it('computes Retry-After from the sliding windows (7/1 s and 8/2 s)', async () => {
    let t = 0;
    const teams = await start({ now: () => t });
    for (; t < 7; t++) expect((await createThread(teams, CHANNEL)).status).toBe(201);
    t = 500;
    const early = await createThread(teams, CHANNEL);
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(early.headers.get('retry-after-ms')).toBe('500');
    t = 1_000; // the post at t=0 has left the 1 s window
    expect((await createThread(teams, CHANNEL)).status).toBe(201);
    t = 1_001; // 7 in the last second is fine, but 8 in the last 2 s is not
    const twoSecond = await createThread(teams, CHANNEL);
    expect(twoSecond.status).toBe(429);
    expect(twoSecond.headers.get('retry-after-ms')).toBe('999');
    expect(teams.violations()).toEqual({ conversation: 2, tenant: 0 });
    expect(teams.maxInAnyWindow(CHANNEL, 1_000)).toBe(7);
    expect(teams.maxInAnyWindow(CHANNEL, 2_000)).toBe(8);
  });

  it('enforces the per-tenant limit across channels', async () => {
    const teams = await start({ limits: { tenantRps: 5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await createThread(teams, `19:c${i}@thread`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(teams.violations()).toEqual({ conversation: 0, tenant: 1 });
    // Another tenant has its own budget.
    expect((await createThread(teams, '19:c9@thread', { tenant: 'tenant-b' })).status).toBe(201);
  });

  it('takes small windows for fast tests, and frees the slot once the window passes', async () => {
    const teams = await start({ limits: { perConversation: [{ ms: 150, max: 2 }] } });
    expect((await createThread(teams, CHANNEL)).status).toBe(201);
    expect((await createThread(teams, CHANNEL)).status).toBe(201);
    expect((await createThread(teams, CHANNEL)).status).toBe(429);
    await sleep(170);
    expect((await createThread(teams, CHANNEL)).status).toBe(201);
    expect(teams.violations().conversation).toBe(1);
    expect(teams.maxInAnyWindow(CHANNEL, 150)).toBeLessThanOrEqual(2);
  });

  it('SlidingWindows admits nothing over a limit and its wait is exact (property)', () => {
    const limits = [
      { ms: 100, max: 3 },
      { ms: 300, max: 5 },
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 150 }), (gaps) => {
        const w = new SlidingWindows(limits);
        const admitted: number[] = [];
        let at = 0;
        for (const gap of gaps) {
          at += gap;
          const wait = w.waitMs('k', at);
          if (wait === 0) {
            w.admit('k', at);
            admitted.push(at);
          } else {
            expect(w.waitMs('k', at + wait)).toBe(0);
            expect(w.waitMs('k', at + wait - 1)).toBeGreaterThan(0);
          }
        }
        for (const { ms, max } of limits)
          expect(maxInWindow(admitted, ms)).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('fake Teams connector: faults', () => {
  const faulty: FakeTeamsOptions = {
    seed: 42,
    limits: OFF,
    dropBeforeRate: 0.05,
    rate429: 0.1,
    rate5xx: 0.1,
    dropAfterRate: 0.05,
  };

  async function hammer(teams: FakeTeams, n: number) {
    const seen: (number | 'error')[] = [];
    for (let i = 0; i < n; i++) {
      try {
        const res = await createThread(teams, `19:c${i % 50}@thread`, { ref: `d-${i}` });
        seen.push(res.status);
        await res.arrayBuffer();
      } catch {
        seen.push('error');
      }
    }
    return seen;
  }

  function tally(teams: FakeTeams): Partial<Record<Outcome, number>> {
    const counts: Partial<Record<Outcome, number>> = {};
    for (const { outcome } of teams.log()) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }

  it('injects faults at roughly the configured rates, deterministically per seed', async () => {
    const teams = await start(faulty);
    const seen = await hammer(teams, 1_000);
    const counts = tally(teams);
    // Within four standard deviations of a binomial over 1,000 draws.
    const near = (n: number | undefined, p: number) =>
      expect(Math.abs((n ?? 0) - 1_000 * p)).toBeLessThanOrEqual(
        4 * Math.sqrt(1_000 * p * (1 - p)),
      );
    near(counts['drop-before'], 0.05);
    near(counts['fault-429'], 0.1);
    near(counts['fault-5xx'], 0.1);
    near(counts['drop-after'], 0.05);
    near(counts.accepted, 0.7);
    expect(seen.filter((s) => s === 429)).toHaveLength(counts['fault-429'] ?? 0);
    expect(seen.filter((s) => s === 502 || s === 503 || s === 504)).toHaveLength(
      counts['fault-5xx'] ?? 0,
    );
    expect(new Set(seen.filter((s) => typeof s === 'number' && s >= 500))).toEqual(
      new Set([502, 503, 504]),
    );
    expect(seen.filter((s) => s === 'error')).toHaveLength(
      (counts['drop-before'] ?? 0) + (counts['drop-after'] ?? 0),
    );
    // Lost responses were still posted; injected 429s are not violations.
    expect(teams.posts()).toHaveLength((counts.accepted ?? 0) + (counts['drop-after'] ?? 0));
    expect(teams.violations()).toEqual({ conversation: 0, tenant: 0 });

    // Same seed, same request order → the same outcomes; reset() reseeds.
    const outcomes = teams.log().map((e) => e.outcome);
    teams.reset();
    await hammer(teams, 1_000);
    expect(teams.log().map((e) => e.outcome)).toEqual(outcomes);
    const other = await start({ ...faulty, seed: 7 });
    await hammer(other, 200);
    expect(other.log().map((e) => e.outcome)).not.toEqual(outcomes.slice(0, 200));
  });

  it('blocks writes to a channel the bot was removed from', async () => {
    const teams = await start();
    teams.setFaults({ removed: [CHANNEL] });
    const res = await createThread(teams, CHANNEL);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'MessageWritesBlocked' } });
    const thread = await sendTo(teams, `${CHANNEL};messageid=5`, '5');
    expect(thread.status).toBe(403);
    expect(teams.posts()).toEqual([]);
    teams.setFaults({ removed: [] });
    expect((await createThread(teams, CHANNEL)).status).toBe(201);
  });

  it('answers 404 ConversationNotFound for a missing conversation', async () => {
    const teams = await start({ missing: new Set([CHANNEL]) });
    const res = await createThread(teams, CHANNEL);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'ConversationNotFound' } });
    expect(teams.posts()).toEqual([]);
  });

  it('dropAfter records the post but the client sees a socket error', async () => {
    const teams = await start({ dropAfterRate: 1 });
    await expect(createThread(teams, CHANNEL, { ref: 'd-1' })).rejects.toThrow();
    expect(teams.posts()).toMatchObject([{ conversation: CHANNEL, clientRef: 'd-1' }]);
    expect(teams.log()[0]?.outcome).toBe('drop-after');
  });

  it('dropBefore loses the request without posting', async () => {
    const teams = await start({ dropBeforeRate: 1 });
    await expect(createThread(teams, CHANNEL)).rejects.toThrow();
    expect(teams.posts()).toEqual([]);
  });

  it('counts a repeated clientRef as a duplicate (undefined refs never are)', async () => {
    const teams = await start();
    await createThread(teams, CHANNEL, { ref: 'd-1' });
    await createThread(teams, '19:other@thread', { ref: 'd-1' });
    await createThread(teams, CHANNEL, { ref: 'd-2' });
    await createThread(teams, CHANNEL);
    await createThread(teams, CHANNEL);
    expect(teams.duplicates()).toBe(1);
  });

  it('delays responses by latencyMs', async () => {
    const teams = await start({ latencyMs: [40, 60] });
    const t0 = performance.now();
    expect((await createThread(teams, CHANNEL)).status).toBe(201);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(38);
  });

  it('mulberry32 is deterministic and uniform-ish', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
