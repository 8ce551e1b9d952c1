import { describe, expect, it } from 'vitest';
import { BelongError } from '../../core/errors.js';
import { StoreFence } from './store-fence.js';

describe('StoreFence', () => {
  it('closes on a storage failure and opens on the next call that succeeds', async () => {
    let now = 0;
    const fence = new StoreFence(() => now, 2_000);
    let opened = 0;
    fence.onOpen(() => opened++);
    expect(fence.open()).toBe(true);
    now = 10;
    await expect(fence.track(Promise.reject(new Error('ECONNREFUSED')))).rejects.toThrow();
    expect(fence.open()).toBe(false);
    now = 20;
    await fence.track(Promise.resolve('ok'));
    expect(fence.open()).toBe(true);
    expect(opened).toBe(1);
  });

  it('a lost race is storage answering: the fence stays open', async () => {
    const fence = new StoreFence(() => 0);
    await expect(
      fence.track(Promise.reject(new BelongError('preconditionFailed', 'changed'))),
    ).rejects.toThrow();
    expect(fence.open()).toBe(true);
  });

  it('closes while a call has been waiting longer than the stall limit (the SDK retrying)', async () => {
    let now = 0;
    const fence = new StoreFence(() => now, 2_000);
    let finish!: (v: string) => void;
    const call = fence.track(new Promise<string>((r) => (finish = r)));
    now = 1_999;
    expect(fence.open()).toBe(true);
    now = 2_001;
    expect(fence.open()).toBe(false);
    finish('late');
    await call;
    expect(fence.open()).toBe(true);
  });

  it('a success of a call begun before the failure does not reopen it', async () => {
    let now = 0;
    const fence = new StoreFence(() => now);
    let finish!: (v: string) => void;
    const early = fence.track(new Promise<string>((r) => (finish = r)));
    now = 5;
    await expect(fence.track(Promise.reject(new Error('down')))).rejects.toThrow();
    now = 6;
    finish('from before');
    await early;
    expect(fence.open()).toBe(false);
  });
});
