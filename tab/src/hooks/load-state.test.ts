import { describe, expect, it } from 'vitest';
import { latestLoads, type LoadState } from './load-state.js';

/** A read the test answers by hand, in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function recorder() {
  const seen: LoadState<{ n: number }>[] = [];
  return { seen, loads: latestLoads<{ n: number }>((s) => seen.push(s)) };
}

describe('latestLoads', () => {
  it('says loading when asked, then shows the data beside kind', async () => {
    const { seen, loads } = recorder();
    loads.start(async () => ({ n: 1 }), true);
    await settle();
    expect(seen).toEqual([{ kind: 'loading' }, { kind: 'ready', n: 1 }]);
  });

  it('keeps what is shown while reading again when not asked to say loading', async () => {
    const { seen, loads } = recorder();
    loads.start(async () => ({ n: 2 }), false);
    await settle();
    expect(seen).toEqual([{ kind: 'ready', n: 2 }]);
  });

  it('shows a failed read as an error with its cause', async () => {
    const { seen, loads } = recorder();
    const cause = new Error('403');
    loads.start(() => Promise.reject(cause), false);
    await settle();
    expect(seen).toEqual([{ kind: 'error', error: cause }]);
  });

  it('shows a read that throws before it starts as an error, not a crash', async () => {
    const { seen, loads } = recorder();
    loads.start(() => {
      throw new Error('no token');
    }, true);
    await settle();
    expect(seen.map((s) => s.kind)).toEqual(['loading', 'error']);
  });

  it('drops a slow earlier answer when a newer read has started', async () => {
    const { seen, loads } = recorder();
    const first = deferred<{ n: number }>();
    const second = deferred<{ n: number }>();
    loads.start(() => first.promise, true);
    loads.start(() => second.promise, true);
    second.resolve({ n: 2 });
    await settle();
    first.resolve({ n: 1 });
    first.reject(new Error('late'));
    await settle();
    expect(seen).toEqual([{ kind: 'loading' }, { kind: 'loading' }, { kind: 'ready', n: 2 }]);
  });

  it('drops the answer of a cancelled read (the view went away)', async () => {
    const { seen, loads } = recorder();
    const read = deferred<{ n: number }>();
    loads.start(() => read.promise, false);
    loads.cancel();
    read.resolve({ n: 1 });
    await settle();
    expect(seen).toEqual([]);
  });

  it('drops a late failure of a cancelled read too', async () => {
    const { seen, loads } = recorder();
    const read = deferred<{ n: number }>();
    loads.start(() => read.promise, false);
    loads.cancel();
    read.reject(new Error('network'));
    await settle();
    expect(seen).toEqual([]);
  });
});
