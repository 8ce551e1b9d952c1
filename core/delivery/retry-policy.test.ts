import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, parseRetryAfter, type Decision, type SendOutcome } from './retry-policy.js';

const half = () => 0.5;
const now = Date.parse('2026-11-24T08:50:00Z');

describe('decide', () => {
  const table: [string, SendOutcome, Decision['kind'], string?][] = [
    ['success', { ok: true }, 'done'],
    [
      'bot blocked',
      { ok: false, status: 403, code: 'MessageWritesBlocked' },
      'removed',
      'HTTP 403 MessageWritesBlocked',
    ],
    [
      'conversation gone',
      { ok: false, status: 404, code: 'ConversationNotFound' },
      'removed',
      'HTTP 404 ConversationNotFound',
    ],
    ['any 404', { ok: false, status: 404 }, 'removed', 'HTTP 404'],
    [
      'other 403',
      { ok: false, status: 403, code: 'BotNotInConversationRoster' },
      'failed',
      'HTTP 403 BotNotInConversationRoster',
    ],
    [
      'bad request',
      { ok: false, status: 400, code: 'BadArgument' },
      'failed',
      'HTTP 400 BadArgument',
    ],
    ['unauthorised', { ok: false, status: 401 }, 'failed', 'HTTP 401'],
    [
      'too large',
      { ok: false, status: 413, code: 'MessageSizeTooBig' },
      'failed',
      'HTTP 413 MessageSizeTooBig',
    ],
    ['timeout', { ok: false, status: 408 }, 'retry', 'HTTP 408'],
    [
      'precondition',
      { ok: false, status: 412, code: 'PreconditionFailed' },
      'retry',
      'HTTP 412 PreconditionFailed',
    ],
    ['throttled', { ok: false, status: 429 }, 'retry', 'HTTP 429'],
    ['server error (treated as transient)', { ok: false, status: 500 }, 'retry', 'HTTP 500'],
    ['bad gateway', { ok: false, status: 502 }, 'retry', 'HTTP 502'],
    ['unavailable', { ok: false, status: 503 }, 'retry', 'HTTP 503'],
    ['gateway timeout', { ok: false, status: 504 }, 'retry', 'HTTP 504'],
    ['network error', { ok: false, networkError: true }, 'retry', 'network error'],
    ['no response read', { ok: false }, 'retry', 'network error'],
  ];
  it.each(table)('%s → %s', (_name, outcome, kind, reason) => {
    const decision = decide(outcome, 1, { random: half }, now);
    expect(decision.kind).toBe(kind);
    if (reason !== undefined) expect(decision).toMatchObject({ reason });
  });

  it('waits as long as a 429’s Retry-After says, in seconds or as a date, plus up to 10 %', () => {
    const throttled = (retryAfter: string, random: () => number) =>
      decide({ ok: false, status: 429, retryAfter }, 1, { random }, now);
    expect(throttled('3', () => 0)).toEqual({ kind: 'retry', delayMs: 3_000, reason: 'HTTP 429' });
    expect(throttled('3', () => 0.5)).toMatchObject({ delayMs: 3_150 });
    expect(throttled('Tue, 24 Nov 2026 08:50:07 GMT', () => 0)).toMatchObject({ delayMs: 7_000 });
    expect(throttled('86400', () => 0)).toMatchObject({ delayMs: 600_000 });
    expect(throttled('0', () => 0.5)).toMatchObject({ delayMs: 0 });
    // Unreadable: back off instead (base 500 ms × random 0.5).
    expect(throttled('soon', () => 0.5)).toMatchObject({ delayMs: 250 });
  });

  it('waits exactly Retry-After when told not to spread (the engine’s limiter spreads)', () => {
    const exact = decide({ ok: false, status: 429, retryAfter: '1' }, 1, {
      retryAfterJitter: 0,
      random: () => 0.99,
    });
    expect(exact).toEqual({ kind: 'retry', delayMs: 1_000, reason: 'HTTP 429' });
  });

  it('honours Retry-After on 503 too, and ignores it elsewhere', () => {
    expect(
      decide({ ok: false, status: 503, retryAfter: '2' }, 1, { random: () => 0 }),
    ).toMatchObject({ delayMs: 2_000 });
    expect(decide({ ok: false, status: 502, retryAfter: '20' }, 1, { random: half })).toMatchObject(
      { delayMs: 250 },
    );
  });

  it('backs off exponentially up to the cap, never below 50 ms', () => {
    const top = () => 1 - Number.EPSILON;
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(
      (attempt) =>
        decide({ ok: false, status: 503 }, attempt, { random: top, maxAttempts: 20 }) as {
          delayMs: number;
        },
    );
    expect(delays.map((d) => d.delayMs)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(decide({ ok: false, status: 503 }, 1, { random: () => 0 })).toMatchObject({
      delayMs: 50,
    });
    expect(
      decide({ ok: false, status: 503 }, 3, { random: half, baseMs: 100, capMs: 300 }),
    ).toMatchObject({ delayMs: 150 });
  });

  it('backs off longer on average with every attempt until the cap', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const mean = (attempt: number) => {
      let sum = 0;
      for (let i = 0; i < 2_000; i++) {
        const d = decide({ ok: false, networkError: true }, attempt, { random, maxAttempts: 20 });
        sum += d.kind === 'retry' ? d.delayMs : Number.NaN;
      }
      return sum / 2_000;
    };
    const means = [1, 2, 3, 4, 5, 6, 7].map(mean);
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]!);
    expect(means[6]!).toBeLessThanOrEqual(30_000);
    expect(means[6]!).toBeGreaterThan(13_000); // about cap / 2
  });

  it('gives up after maxAttempts, keeping the reason', () => {
    const busy = { ok: false, status: 503 } as const;
    expect(decide(busy, 7, { random: half }).kind).toBe('retry');
    expect(decide(busy, 8, { random: half })).toEqual({
      kind: 'failed',
      reason: 'gave up after 8 attempts: HTTP 503',
    });
    expect(decide({ ok: false, networkError: true }, 3, { maxAttempts: 3 })).toEqual({
      kind: 'failed',
      reason: 'gave up after 3 attempts: network error',
    });
    expect(decide({ ok: false, status: 404 }, 8, {}).kind).toBe('removed');
  });

  it('property: every backoff delay lies in [50 ms, cap]', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SendOutcome>(
          { ok: false, status: 408 },
          { ok: false, status: 412 },
          { ok: false, status: 429 },
          { ok: false, status: 500 },
          { ok: false, status: 502 },
          { ok: false, status: 503 },
          { ok: false, status: 504 },
          { ok: false, networkError: true },
        ),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 50, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (outcome, attempt, baseMs, capMs, r) => {
          const d = decide(outcome, attempt, { baseMs, capMs, maxAttempts: 41, random: () => r });
          expect(d.kind).toBe('retry');
          if (d.kind !== 'retry') return;
          expect(d.delayMs).toBeGreaterThanOrEqual(50);
          expect(d.delayMs).toBeLessThanOrEqual(capMs);
          expect(d.delayMs).toBeLessThanOrEqual(Math.max(50, baseMs * 2 ** (attempt - 1)));
        },
      ),
    );
  });

  it('property: a 429 waits at least Retry-After and at most 10 % longer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (seconds, r) => {
          const d = decide({ ok: false, status: 429, retryAfter: String(seconds) }, 1, {
            random: () => r,
          });
          expect(d.kind).toBe('retry');
          if (d.kind !== 'retry') return;
          expect(d.delayMs).toBeGreaterThanOrEqual(seconds * 1_000);
          expect(d.delayMs).toBeLessThanOrEqual(Math.ceil(seconds * 1_100));
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2_000],
    [' 5 ', 5_000],
    ['1.5', 1_500],
    ['0', 0],
    ['100000', 600_000],
    ['Tue, 24 Nov 2026 08:50:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 08:49:00 GMT', 0], // already past
    ['Wed, 25 Nov 2026 08:50:00 GMT', 600_000], // clamped to 10 minutes
    ['soon', undefined],
    ['-1', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ] as const)('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
