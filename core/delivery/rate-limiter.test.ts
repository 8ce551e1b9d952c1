import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busiest } from '../testing/windows.js';
import { RateLimiter, teamsConversationWindows, type Window } from './rate-limiter.js';

const keeps = (times: readonly number[], w: Window) => busiest(times, w.ms) <= w.max;

/** Two requests a second for the tenant, no other limit, no margin or gap. */
const twoPerSecond = () =>
  new RateLimiter({ conversationWindows: [], tenantRps: 2, marginMs: 0, tenantGapMs: 0 });
/** One request a second to each conversation, no margin. */
const onePerSecondEach = () =>
  new RateLimiter({ conversationWindows: [{ ms: 1_000, max: 1 }], tenantRps: 50, marginMs: 0 });

interface Booking {
  key: string;
  t: number;
}

const windowArb = fc.record({
  ms: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 3_000 })),
  max: fc.integer({ min: 1, max: 8 }),
});
const opArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      dt: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 1_500 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  },
);

describe('RateLimiter', () => {
  it('never overfills a window, never books before now, and books as early as the windows allow', () => {
    fc.assert(
      fc.property(
        fc.array(windowArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 50 }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 8,
          maxLength: 8,
        }),
        (windows, tenantRps, marginMs, tenantGapMs, ops, samples) => {
          const limiter = new RateLimiter({
            conversationWindows: windows,
            tenantRps,
            marginMs,
            tenantGapMs,
          });
          const conversation = windows.map((w) => ({ ms: w.ms + marginMs, max: w.max }));
          const tenant = { ms: 1_000 + marginMs, max: tenantRps };
          const gap = { ms: tenantGapMs ?? (1_000 + marginMs) / tenantRps, max: 1 };
          const live: Booking[] = [];
          const allowed = (key: string, u: number) => {
            const mine = [...live.filter((b) => b.key === key).map((b) => b.t), u];
            return (
              conversation.every((w) => keeps(mine, w)) &&
              keeps([...live.map((b) => b.t), u], tenant) &&
              (gap.ms === 0 || keeps([...live.map((b) => b.t), u], gap))
            );
          };
          let now = 0;
          for (const op of ops) {
            if (op.kind === 'release') {
              if (!live.length) continue;
              const [gone] = live.splice(op.pick % live.length, 1);
              limiter.release(gone!.key, gone!.t);
              continue;
            }
            now += op.dt;
            const t = limiter.reserve(op.key, now);
            expect(t).toBeGreaterThanOrEqual(now);
            expect(allowed(op.key, t)).toBe(true);
            if (t > now) {
              // No needless delay: every earlier moment would overfill some window.
              const earlier = [now, t - 1, t - 0.5, ...samples.map((r) => now + r * (t - now))];
              for (const u of earlier.filter((u) => u >= now && u < t)) {
                expect(allowed(op.key, u), `${op.key} could go at ${u}, not ${t}`).toBe(false);
              }
            }
            live.push({ key: op.key, t });
          }
          for (const key of new Set(live.map((b) => b.key))) {
            const mine = live.filter((b) => b.key === key).map((b) => b.t);
            for (const w of conversation) expect(busiest(mine, w.ms)).toBeLessThanOrEqual(w.max);
          }
          expect(
            busiest(
              live.map((b) => b.t),
              tenant.ms,
            ),
          ).toBeLessThanOrEqual(tenantRps);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps Teams’ own windows when each request arrives up to marginMs late', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b'),
            dt: fc.integer({ min: 0, max: 400 }),
            lateness: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 120 },
        ),
        (requests) => {
          const marginMs = 25;
          const limiter = new RateLimiter({ tenantRps: 10, marginMs });
          const arrivals: Booking[] = [];
          let now = 0;
          for (const r of requests) {
            now += r.dt;
            arrivals.push({ key: r.key, t: limiter.reserve(r.key, now) + r.lateness * marginMs });
          }
          for (const key of ['a', 'b']) {
            const mine = arrivals.filter((b) => b.key === key).map((b) => b.t);
            for (const w of teamsConversationWindows) expect(keeps(mine, w)).toBe(true);
          }
          expect(
            keeps(
              arrivals.map((b) => b.t),
              { ms: 1_000, max: 10 },
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('posts 1,000 channels at 50/s evenly spread, the last within 20.5 s', () => {
    const limiter = new RateLimiter({ tenantRps: 50 });
    const times = Array.from({ length: 1_000 }, (_, i) => limiter.reserve(`channel-${i}`, 0));
    expect(times.slice(0, 3)).toEqual([0, 20.5, 41]);
    expect(Math.max(...times)).toBe(999 * 20.5);
    expect(Math.max(...times)).toBeLessThanOrEqual(20_500);
    expect(busiest(times, 1_025)).toBe(50);
    expect(busiest(times, 1_000)).toBe(49);
  });

  it('with tenantGapMs 0, posts 1,000 channels in bursts of 50, the last at 19 × 1,025 ms', () => {
    const limiter = new RateLimiter({ tenantRps: 50, tenantGapMs: 0 });
    const times = Array.from({ length: 1_000 }, (_, i) => limiter.reserve(`channel-${i}`, 0));
    expect(Math.max(...times)).toBe(19 * 1_025);
    expect(busiest(times, 1_025)).toBe(50);
  });

  it('spaces 100 posts to one conversation by 7/1 s, 8/2 s and 60/30 s', () => {
    const limiter = new RateLimiter({ tenantRps: 50, tenantGapMs: 0 });
    const times = Array.from({ length: 100 }, () => limiter.reserve('19:general', 0));
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1_025); // the 8th: 1 s window full until 1,025 ms
    expect(times[8]).toBe(2_025); // the 9th: 8 in 2 s
    for (const w of teamsConversationWindows) expect(keeps(times, w)).toBe(true);
    expect(times[60]).toBeGreaterThanOrEqual(30_000);
    expect(times[60]).toBe(30_025);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps 1,800 an hour for one conversation', () => {
    const limiter = new RateLimiter({ tenantRps: 50, marginMs: 0 });
    const times = Array.from({ length: 1_801 }, () => limiter.reserve('c', 0));
    expect(busiest(times.slice(0, 1_800), 3_600_000)).toBe(1_800);
    expect(times[1_800]).toBe(3_600_000);
  });

  it('books requests made now behind ones booked ahead, and reuses a released slot', () => {
    const limiter = twoPerSecond();
    expect(limiter.reserve('a', 0)).toBe(0);
    expect(limiter.reserve('b', 0)).toBe(0);
    expect(limiter.reserve('c', 0)).toBe(1_000);
    expect(limiter.reserve('d', 0)).toBe(1_000);
    expect(limiter.reserve('e', 0)).toBe(2_000);
    limiter.release('c', 1_000);
    expect(limiter.reserve('f', 10)).toBe(1_000);
    limiter.release('nobody', 5); // unknown bookings are ignored
    expect(limiter.reserve('g', 10)).toBe(2_000);
  });

  it('books a request again when it was written late, so the next window counts it there', () => {
    const limiter = twoPerSecond();
    expect(limiter.reserve('a', 0)).toBe(0);
    // Written 40 ms late: Teams sees it at 40, so the tenant's third request waits until 1,040.
    expect(limiter.sentAt('a', 0, 40)).toBe(40);
    expect(limiter.reserve('b', 0)).toBe(0);
    expect(limiter.reserve('c', 0)).toBe(1_000);
    expect(limiter.reserve('d', 0)).toBe(1_040);
    // Never earlier, and an unknown booking stays as it was.
    expect(limiter.sentAt('b', 0, -5)).toBe(0);
    expect(limiter.sentAt('nobody', 7, 50)).toBe(7);
    // The moved booking is the one given back.
    limiter.release('a', 40);
    expect(limiter.reserve('e', 0)).toBe(0);

    // A conversation's windows move with it too.
    const one = onePerSecondEach();
    expect(one.reserve('a', 0)).toBe(0);
    expect(one.sentAt('a', 0, 25)).toBe(25);
    expect(one.reserve('a', 0)).toBe(1_025);
  });

  it('counts requests an earlier sender made, without checking them', () => {
    const limiter = new RateLimiter({
      conversationWindows: [{ ms: 30_000, max: 2 }],
      tenantRps: 50,
      marginMs: 0,
    });
    limiter.record('a', 1_000);
    limiter.record('a', 2_000);
    expect(limiter.reserve('a', 5_000)).toBe(31_000);
    expect(limiter.reserve('b', 5_000)).toBe(5_000);
    expect(() => limiter.record('a', Number.NaN)).toThrow(/finite/);
  });

  it('fits a request into a gap exactly one window before a booking ahead', () => {
    const limiter = onePerSecondEach();
    expect(limiter.reserve('a', 0)).toBe(0);
    expect(limiter.reserve('a', 0)).toBe(1_000);
    limiter.release('a', 0);
    expect(limiter.reserve('a', 0)).toBe(0);
    expect(limiter.reserve('a', 1)).toBe(2_000);
  });

  it('keeps off a penalised conversation, or the whole tenant, until told', () => {
    const limiter = new RateLimiter({ tenantRps: 50 });
    limiter.penalise('a', 5_000);
    limiter.penalise('a', 3_000); // an earlier Retry-After does not shorten the wait
    expect(limiter.reserve('a', 100)).toBe(5_000);
    expect(limiter.reserve('b', 100)).toBe(100);
    limiter.penaliseTenant(8_000);
    expect(limiter.reserve('b', 200)).toBe(8_000);
    expect(limiter.reserve('c', 9_000)).toBe(9_000);
  });

  it('forgets what can no longer matter, so memory stays bounded', () => {
    const limiter = new RateLimiter({ tenantRps: 50 });
    for (let i = 0; i < 2_000; i++) expect(limiter.reserve(`old-${i}`, i * 25)).toBe(i * 25);
    limiter.penalise('old-1', 50_000);
    expect(limiter.size().conversations).toBe(2_000);
    const later = 2 * 3_600_000;
    for (let i = 0; i < 5_000; i++) {
      expect(limiter.reserve(`new-${i % 40}`, later + i * 25)).toBe(later + i * 25);
    }
    // 40 conversations; the tenant's bookings of the last 1,025 ms (42 at 40/s).
    expect(limiter.size()).toEqual({ conversations: 40, tenantBookings: 42, penalties: 0 });
  });

  it('stays fast with thousands of conversations and bookings', () => {
    const limiter = new RateLimiter({ tenantRps: 50 });
    const started = performance.now();
    let now = 0;
    for (let i = 0; i < 50_000; i++) {
      now += 25;
      limiter.reserve(`channel-${(i * 7919) % 1_500}`, now);
    }
    for (let i = 0; i < 3_600; i++) limiter.reserve('busy', now);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses nonsense options and times', () => {
    expect(() => new RateLimiter({ tenantRps: 0 })).toThrow(/Invalid rate window/);
    expect(
      () => new RateLimiter({ tenantRps: 5, conversationWindows: [{ ms: 0, max: 1 }] }),
    ).toThrow();
    expect(() => new RateLimiter({ tenantRps: 5 }).reserve('a', Number.NaN)).toThrow();
  });
});
