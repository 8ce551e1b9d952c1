import { describe, expect, it } from 'vitest';
import { HmacPseudonymiser } from './hmac-pseudonymiser.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const tenant = '00000000-0000-0000-0000-000000000001';
const pupil = '00000000-0000-4000-8000-00000000000A';

describe('HMAC pseudonyms', () => {
  const p = new HmacPseudonymiser(secret);

  it('are stable for one pupil in one school, whatever the case of the id', () => {
    expect(p.pseudonymOf(tenant, pupil)).toBe(p.pseudonymOf(tenant, pupil.toLowerCase()));
    expect(p.pseudonymOf(tenant, pupil)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differ between pupils, between schools and between secrets', () => {
    const other = '00000000-0000-4000-8000-00000000000b';
    const school2 = '00000000-0000-0000-0000-000000000002';
    const seen = new Set([
      p.pseudonymOf(tenant, pupil),
      p.pseudonymOf(tenant, other),
      p.pseudonymOf(school2, pupil),
      new HmacPseudonymiser(`${secret}!`).pseudonymOf(tenant, pupil),
    ]);
    expect(seen.size).toBe(4);
  });

  it('contain nothing of the id or the tenant', () => {
    const pseudonym = p.pseudonymOf(tenant, pupil).toLowerCase();
    for (const part of [...pupil.toLowerCase().split('-'), ...tenant.split('-')].filter(
      (x) => x.length > 4,
    ))
      expect(pseudonym).not.toContain(part);
  });

  it('refuse a short secret', () => {
    expect(() => new HmacPseudonymiser('short')).toThrow(/at least 32/);
  });
});
