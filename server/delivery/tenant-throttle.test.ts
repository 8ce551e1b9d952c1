import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/prng.js';
import { TenantThrottle } from './tenant-throttle.js';

describe('TenantThrottle', () => {
  it('takes most answers refused across conversations within a second as tenant-wide', () => {
    const throttle = new TenantThrottle();
    const verdicts: boolean[] = [];
    // Teams allowing 20 of 50 a second: 3 of every 5 refused.
    for (let i = 0; i < 50; i++) {
      const at = 1_000 + i * 20;
      if (i % 5 < 2) throttle.accepted(at);
      else verdicts.push(throttle.refused(at, `19:c-${i}`));
    }
    expect(verdicts.indexOf(true)).toBeGreaterThanOrEqual(0);
    expect(verdicts.indexOf(true)).toBeLessThan(10);
  });

  it('does not take random 429s at 10 % (Teams throttling single conversations) as tenant-wide', () => {
    const throttle = new TenantThrottle();
    const random = mulberry32(21);
    let tenantWide = 0;
    // An hour at 50 answers a second.
    for (let i = 0; i < 50 * 3_600; i++) {
      const at = i * 20;
      if (random() < 0.1) tenantWide += throttle.refused(at, `19:c-${i % 1_000}`) ? 1 : 0;
      else throttle.accepted(at);
    }
    expect(tenantWide).toBe(0);
  });

  it('needs several conversations: one busy conversation refused is its own limit', () => {
    const throttle = new TenantThrottle();
    const verdicts = Array.from({ length: 20 }, (_, i) => throttle.refused(i * 10, '19:one'));
    expect(verdicts.some(Boolean)).toBe(false);
  });

  it('judges each time on fresh evidence: the refusals that tripped it are not counted again', () => {
    const throttle = new TenantThrottle();
    let trips = 0;
    for (let i = 0; i < 16; i++) trips += throttle.refused(i, `19:c-${i}`) ? 1 : 0;
    expect(trips).toBe(2);
  });
});
