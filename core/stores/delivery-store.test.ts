import { describe, expect, it } from 'vitest';
import type { TableStore } from '../ports/table-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { DeliveryStore, type FanOutItem } from './delivery-store.js';
import { LeaseStore } from './lease-store.js';

const tenant = '11111111-1111-1111-1111-111111111111';
const t0 = new Date('2026-11-24T08:50:00Z');
const items = (n: number): FanOutItem[] =>
  Array.from({ length: n }, (_, i) => ({
    targetKey: `19:channel-${i}@thread.tacv2`,
    target: {
      kind: 'channel',
      teamId: `19:team-${i}@thread.tacv2`,
      channelId: `19:channel-${i}@thread.tacv2`,
      serviceUrl: 'https://smba.example/uk/',
    },
    content: { text: 'Good morning' },
  }));

/** The memory store with some methods replaced (to count or fail calls). */
function withOverrides(memory: MemoryTableStore, overrides: Partial<TableStore>): TableStore {
  return new Proxy(memory, {
    get(target, prop, receiver) {
      if (prop in overrides) return overrides[prop as keyof TableStore];
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('DeliveryStore', () => {
  it('enqueues one pending delivery per target, and enqueueing again changes nothing', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ-1', label: 'Prompt' }, items(3), t0);
    const [first] = await store.deliveriesOf(tenant, 'occ-1');
    await store.settle(
      (await store.claim(tenant, first!, 'me', new Date(t0.getTime() + 30_000), t0))!,
      { status: 'sent', activityId: '1' },
      t0,
    );
    await store.enqueue(
      tenant,
      { id: 'occ-1', label: 'Prompt' },
      items(3),
      new Date(t0.getTime() + 1000),
    );
    const all = await store.deliveriesOf(tenant, 'occ-1');
    expect(all).toHaveLength(3);
    expect(all.map((d) => d.value.status).sort()).toEqual(['pending', 'pending', 'sent']);
  });

  it('writes a big fan-out a hundred deliveries per transaction, and again only fills the gaps', async () => {
    const memory = new MemoryTableStore();
    const calls = { insert: 0, transact: 0 };
    const counting = withOverrides(memory, {
      insert: (...a: Parameters<MemoryTableStore['insert']>) => {
        calls.insert++;
        return memory.insert(...a);
      },
      transact: (...a: Parameters<MemoryTableStore['transact']>) => {
        calls.transact++;
        return memory.transact(...a);
      },
    });
    const store = new DeliveryStore(counting);
    await store.enqueue(tenant, { id: 'big', label: 'Prompt' }, items(250).slice(0, 130), t0);
    // Deliveries and the occurrence record (one insert) only: two transactions of ≤ 100.
    expect(calls).toEqual({ insert: 1, transact: 2 });
    const [first] = await store.deliveriesOf(tenant, 'big');
    await store.settle(
      (await store.claim(tenant, first!, 'me', new Date(t0.getTime() + 30_000), t0))!,
      { status: 'sent', activityId: '1' },
      t0,
    );
    // Run again with 120 more: the batches holding existing ones go row by row and keep them.
    await store.enqueue(tenant, { id: 'big', label: 'Prompt' }, items(250), t0);
    const all = await store.deliveriesOf(tenant, 'big');
    expect(all).toHaveLength(250);
    expect(all.filter((d) => d.value.status === 'sent').map((d) => d.key.row)).toEqual([
      first!.key.row,
    ]);
  });

  it('refuses an empty fan-out and one that names a target twice, writing nothing', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await expect(store.enqueue(tenant, { id: 'x', label: 'x' }, [], t0)).rejects.toThrow(
      /at least one/,
    );
    const twice = [...items(1), ...items(1)];
    await expect(store.enqueue(tenant, { id: 'y', label: 'y' }, twice, t0)).rejects.toThrow(
      /twice/,
    );
    expect(await store.activeOccurrenceIds(tenant)).toEqual([]);
  });

  it('lets only one of two workers claim the same delivery', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(1), t0);
    const [due] = await store.due(tenant, t0);
    const until = new Date(t0.getTime() + 30_000);
    const claims = await Promise.all([
      store.claim(tenant, due!, 'a', until, t0),
      store.claim(tenant, due!, 'b', until, t0),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(claims.find(Boolean)!.value.attempts).toBe(1);
  });

  it('due: pending when its time has come; claims only when they ran out or the caller took over the tenant', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(2), t0);
    const [a, b] = await store.due(tenant, t0);
    const claimed = await store.claim(tenant, a!, 'old', new Date(t0.getTime() + 30_000), t0);
    await store.settle(
      (await store.claim(tenant, b!, 'old', new Date(t0.getTime() + 30_000), t0))!,
      { status: 'pending', notBefore: new Date(t0.getTime() + 5_000), reason: 'HTTP 503' },
      t0,
    );
    expect(await store.due(tenant, t0)).toEqual([]);
    expect(
      (await store.due(tenant, new Date(t0.getTime() + 5_000))).map((d) => d.value.targetKey),
    ).toEqual([b!.value.targetKey]);
    expect((await store.due(tenant, t0, 'new')).map((d) => d.value.id)).toEqual([
      claimed!.value.id,
    ]);
    expect((await store.due(tenant, new Date(t0.getTime() + 30_000))).length).toBe(2);
  });

  it('a settled claim whose version changed meanwhile is refused', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(1), t0);
    const [due] = await store.due(tenant, t0);
    const mine = await store.claim(tenant, due!, 'a', new Date(t0.getTime() + 1), t0);
    const theirs = await store.claim(tenant, mine!, 'b', new Date(t0.getTime() + 30_000), t0);
    expect(theirs).toBeDefined();
    expect(await store.settle(mine!, { status: 'sent' }, t0)).toBeUndefined();
    expect(await store.settle(theirs!, { status: 'sent', activityId: '9' }, t0)).toMatchObject({
      value: { status: 'sent', activityId: '9' },
    });
  });

  it('reports progress per occurrence and drops finished occurrences from the active list', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ', label: 'CMHW day 1' }, items(3), t0);
    const due = await store.due(tenant, t0);
    const until = new Date(t0.getTime() + 30_000);
    await store.settle(
      (await store.claim(tenant, due[0]!, 'a', until, t0))!,
      { status: 'sent', activityId: '1' },
      t0,
    );
    await store.settle(
      (await store.claim(tenant, due[1]!, 'a', until, t0))!,
      { status: 'removed', reason: 'HTTP 403 MessageWritesBlocked' },
      t0,
    );
    let progress = await store.progress(tenant, 'occ');
    expect(progress).toMatchObject({ label: 'CMHW day 1', total: 3, done: 2, finished: false });
    expect(progress!.counts).toEqual({ pending: 1, sending: 0, sent: 1, failed: 0, removed: 1 });
    expect(progress!.removedTargets).toEqual([due[1]!.value.targetKey]);
    await store.settle(
      (await store.claim(tenant, due[2]!, 'a', until, t0))!,
      { status: 'failed', reason: 'HTTP 400 BadArgument' },
      t0,
    );
    progress = await store.progress(tenant, 'occ');
    expect(progress!.finished).toBe(true);
    expect(progress!.failures).toEqual([
      { targetKey: due[2]!.value.targetKey, reason: 'HTTP 400 BadArgument' },
    ]);
    await store.due(tenant, t0);
    expect(await store.activeOccurrenceIds(tenant)).toEqual([]);
    expect(await store.progress(tenant, 'nope')).toBeUndefined();
  });

  it('sentSince: what Teams has counted, from finished and unfinished fan-outs, not refusals or old ones', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    const at = (s: number) => new Date(t0.getTime() + s * 1_000);
    const until = at(3_600);
    // Hours ago, finished: too old to matter.
    await store.enqueue(tenant, { id: 'old', label: 'x' }, items(1), at(-5 * 3_600));
    const [old] = await store.due(tenant, at(-5 * 3_600));
    await store.settle(
      (await store.claim(tenant, old!, 'a', until, at(-5 * 3_600)))!,
      { status: 'sent' },
      at(-5 * 3_600),
    );
    // Finished a minute ago: both sent.
    await store.enqueue(tenant, { id: 'done', label: 'x' }, items(2), at(-120));
    for (const d of await store.due(tenant, at(-60)))
      await store.settle(
        (await store.claim(tenant, d, 'a', until, at(-60)))!,
        { status: 'sent' },
        at(-60),
      );
    // Running: one sent, one refused with a 429 (not counted), one claimed by a sender that died.
    await store.enqueue(tenant, { id: 'running', label: 'x' }, items(3), at(-10));
    const [sent, refused, claimed] = await store.due(tenant, at(-10));
    await store.settle(
      (await store.claim(tenant, sent!, 'a', until, at(-9)))!,
      { status: 'sent' },
      at(-9),
    );
    await store.settle(
      (await store.claim(tenant, refused!, 'a', until, at(-8)))!,
      { status: 'pending', notBefore: at(-7), reason: 'HTTP 429' },
      at(-8),
    );
    // Claimed 5 s ago until 25 s from now: it may go out at any moment of that, so it counts as now.
    await store.claim(tenant, claimed!, 'a', at(25), at(-5));

    const found = await store.sentSince(tenant, at(-3_600), at(0));
    expect(
      found.map((f) => [f.target.kind === 'channel' && f.target.channelId, f.at]).sort(),
    ).toEqual(
      [
        [items(2)[0]!.targetKey, at(-60).getTime()],
        [items(2)[1]!.targetKey, at(-60).getTime()],
        [items(3)[0]!.targetKey, at(-9).getTime()],
        [items(3)[2]!.targetKey, at(0).getTime()],
      ].sort(),
    );
    // Each names its delivery, so a sender can leave out the ones it has just claimed itself.
    expect(found.find((f) => f.at === at(0).getTime())?.id).toBe(claimed!.value.id);
    expect(found.find((f) => f.at === at(-9).getTime())?.id).toBe(sent!.value.id);
    expect(
      await store.sentSince('22222222-2222-2222-2222-222222222222', at(-3_600), at(0)),
    ).toEqual([]);
  });

  it('group-commits writes to one fan-out: one transaction for a burst, and a lost race costs only its own write', async () => {
    const memory = new MemoryTableStore();
    const calls = { replace: 0, transact: 0 };
    const counting = withOverrides(memory, {
      replace: (...a: Parameters<MemoryTableStore['replace']>) => {
        calls.replace++;
        return memory.replace(...a);
      },
      transact: (...a: Parameters<MemoryTableStore['transact']>) => {
        calls.transact++;
        return memory.transact(...a);
      },
    });
    const store = new DeliveryStore(counting);
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(30), t0);
    const due = await store.due(tenant, t0);
    const until = new Date(t0.getTime() + 30_000);
    // Someone else claims one first: that claim of ours must fail, and only that one.
    const stolen = await new DeliveryStore(memory).claim(tenant, due[7]!, 'b', until, t0);
    calls.replace = 0;
    calls.transact = 0;
    const claims = await Promise.all(due.map((d) => store.claim(tenant, d, 'a', until, t0)));
    expect(claims.filter((c) => c === undefined)).toHaveLength(1);
    expect(claims[7]).toBeUndefined();
    // The first went alone, the other 29 in one transaction, which failed on the stolen one and
    // so were written one by one.
    expect(calls.transact).toBe(1);
    expect(calls.replace).toBe(1 + 29);

    // Now no race: 29 outcomes in one go.
    calls.transact = 0;
    calls.replace = 0;
    const settled = await Promise.all(
      claims.filter((c) => c !== undefined).map((c) => store.settle(c, { status: 'sent' }, t0)),
    );
    expect(settled.every((s) => s?.value.status === 'sent')).toBe(true);
    // At most one alone (if the queue was idle), the rest together.
    expect(calls.transact).toBe(1);
    expect(calls.replace).toBeLessThanOrEqual(1);
    // Each returned etag is the stored one: a write with it succeeds.
    expect(await store.settle(settled[3]!, { status: 'sent', activityId: 'x' }, t0)).toBeDefined();
    expect(stolen).toBeDefined();
    expect((await store.progress(tenant, 'occ'))!.counts).toMatchObject({ sent: 29, sending: 1 });
  });

  it('a batch refused as a whole is written one by one; a write that still fails is reported', async () => {
    const memory = new MemoryTableStore();
    let refuseBatch = false;
    const failing = { row: '' };
    const calls = { replace: 0, transact: 0 };
    const flaky = withOverrides(memory, {
      transact: (...a: Parameters<MemoryTableStore['transact']>) => {
        calls.transact++;
        if (refuseBatch) return Promise.reject(new Error('413 request body too large'));
        return memory.transact(...a);
      },
      replace: (...a: Parameters<MemoryTableStore['replace']>) => {
        calls.replace++;
        if (a[1].row === failing.row) return Promise.reject(new Error('storage unavailable'));
        return memory.replace(...a);
      },
    });
    const store = new DeliveryStore(flaky);
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(5), t0);
    const due = await store.due(tenant, t0);
    const until = new Date(t0.getTime() + 30_000);
    refuseBatch = true;
    failing.row = due[3]!.key.row;
    calls.transact = 0;
    const results = await Promise.allSettled(
      due.map((d) => store.claim(tenant, d, 'a', until, t0)),
    );
    // The first went alone; the other four shared a refused transaction, then went alone: only
    // the one whose own write failed is reported.
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(calls).toEqual({ transact: 1, replace: 1 + 4 });
    expect((await store.progress(tenant, 'occ'))!.counts).toMatchObject({ sending: 4, pending: 1 });
  });

  it('keeps a batch within what Azure accepts: at most 100 rows and about 768 KB', async () => {
    const memory = new MemoryTableStore();
    const sizes: number[] = [];
    const counting = withOverrides(memory, {
      transact: (...a: Parameters<MemoryTableStore['transact']>) => {
        sizes.push(a[3].length);
        return memory.transact(...a);
      },
    });
    const store = new DeliveryStore(counting);
    // 40 deliveries with a 40 KB Welsh-and-Urdu card each: 1.6 MB together.
    const big = 'Croeso! خوش آمدید '.repeat(1_700);
    const fanOut = items(40).map((i) => ({ ...i, content: { text: big } }));
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, fanOut, t0);
    const due = await store.due(tenant, t0);
    // Put in the outbox in more than one transaction, each within the budget too.
    const pendingRow = new TextEncoder().encode(JSON.stringify(due[0]!.value)).length;
    expect(sizes.length).toBeGreaterThan(1);
    for (const n of sizes) expect(n * pendingRow).toBeLessThanOrEqual(768 * 1024);
    const until = new Date(t0.getTime() + 30_000);
    sizes.length = 0;
    const claims = await Promise.all(due.map((d) => store.claim(tenant, d, 'a', until, t0)));
    expect(claims.every((c) => c?.value.status === 'sending')).toBe(true);
    const perRow = new TextEncoder().encode(JSON.stringify(claims[0]!.value)).length;
    for (const n of sizes) expect(n * perRow).toBeLessThanOrEqual(768 * 1024);
    expect(sizes.length).toBeGreaterThan(1);
  });

  it('duePages: the due deliveries a page at a time, the same as due', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(250), t0);
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of store.duePages(tenant, t0, undefined, 100)) {
      pages.push(page.length);
      ids.push(...page.map((d) => d.value.id));
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(ids).toEqual((await store.due(tenant, t0)).map((d) => d.value.id));
  });

  it('an urgent occurrence is listed apart as well, and it and its deliveries say they are urgent', async () => {
    const memory = new MemoryTableStore();
    const store = new DeliveryStore(memory);
    await store.enqueue(tenant, { id: 'fan-out', label: 'Prompt' }, items(3), t0);
    await store.enqueue(tenant, { id: 'talk', label: 'Talk request', urgent: true }, items(2), t0);
    expect((await store.activeOccurrenceIds(tenant)).sort()).toEqual(['fan-out', 'talk']);
    expect(await store.urgentOccurrenceIds(tenant)).toEqual(['talk']);
    const talk = await store.deliveriesOf(tenant, 'talk');
    expect(talk.map((d) => d.value.urgent)).toEqual([true, true]);
    // Nothing changes for the rest: no flag on them, nothing in the urgent list.
    const fanOut = await store.deliveriesOf(tenant, 'fan-out');
    expect(fanOut.every((d) => !('urgent' in d.value))).toBe(true);
    const occurrences = await memory.list('deliveries', tenant, 'occurrences');
    expect(occurrences.map((o) => [o.key.row, o.value.urgent])).toEqual([
      ['fan-out', undefined],
      ['talk', true],
    ]);
  });

  it('urgentDue: the due deliveries of urgent occurrences only, claims taken over as by due', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'fan-out', label: 'Prompt' }, items(3), t0);
    await store.enqueue(tenant, { id: 'talk-1', label: 'Talk', urgent: true }, items(2), t0);
    await store.enqueue(tenant, { id: 'talk-2', label: 'Talk', urgent: true }, items(1), t0);
    const urgent = await store.urgentDue(tenant, t0);
    expect(urgent.map((d) => d.value.id).sort()).toEqual(
      [...items(2).map((i) => `talk-1/${i.targetKey}`), `talk-2/${items(1)[0]!.targetKey}`].sort(),
    );
    // Claimed by a sender that has since died: due again for whoever holds the lease now.
    const [first] = urgent;
    await store.claim(tenant, first!, 'dead', new Date(t0.getTime() + 30_000), t0);
    expect((await store.urgentDue(tenant, t0)).map((d) => d.value.id)).not.toContain(
      first!.value.id,
    );
    expect((await store.urgentDue(tenant, t0, 'new')).map((d) => d.value.id)).toContain(
      first!.value.id,
    );
    // The same deliveries as `due` finds among everything.
    const all = (await store.due(tenant, t0, 'new')).map((d) => d.value.id);
    for (const d of await store.urgentDue(tenant, t0, 'new')) expect(all).toContain(d.value.id);
  });

  it('a finished urgent occurrence leaves both lists; one half-enqueued stays', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'talk', label: 'Talk', urgent: true }, items(2), t0);
    const until = new Date(t0.getTime() + 30_000);
    const [a, b] = await store.urgentDue(tenant, t0);
    await store.settle((await store.claim(tenant, a!, 'a', until, t0))!, { status: 'sent' }, t0);
    expect(await store.urgentDue(tenant, t0)).toHaveLength(1);
    expect(await store.urgentOccurrenceIds(tenant)).toEqual(['talk']);
    await store.settle(
      (await store.claim(tenant, b!, 'a', until, t0))!,
      { status: 'failed', reason: 'HTTP 400 BadArgument' },
      t0,
    );
    expect(await store.urgentDue(tenant, t0)).toEqual([]);
    expect(await store.urgentOccurrenceIds(tenant)).toEqual([]);
    expect(await store.activeOccurrenceIds(tenant)).toEqual([]);
    // Listed before its deliveries are written (a crash then leaves no orphans): seen empty, kept.
    const memory = new MemoryTableStore();
    const listedOnly = new DeliveryStore(memory);
    await memory.upsert(
      'deliveries',
      { tenantId: tenant, partition: 'active-urgent', row: 'half' },
      { since: t0.toISOString() },
    );
    expect(await listedOnly.urgentDue(tenant, t0)).toEqual([]);
    expect(await listedOnly.urgentOccurrenceIds(tenant)).toEqual(['half']);
  });

  it('sentSince counts urgent sends like any other, after their occurrence has finished too', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    const at = (s: number) => new Date(t0.getTime() + s * 1_000);
    await store.enqueue(tenant, { id: 'talk', label: 'Talk', urgent: true }, items(1), at(-30));
    const [d] = await store.urgentDue(tenant, at(-30));
    await store.settle(
      (await store.claim(tenant, d!, 'a', at(0), at(-29)))!,
      { status: 'sent' },
      at(-29),
    );
    await store.urgentDue(tenant, at(-28)); // finished: off both lists
    expect(await store.activeOccurrenceIds(tenant)).toEqual([]);
    expect(await store.sentSince(tenant, at(-3_600), at(0))).toEqual([
      { id: d!.value.id, target: d!.value.target, at: at(-29).getTime() },
    ]);
  });

  it('keeps tenants apart', async () => {
    const store = new DeliveryStore(new MemoryTableStore());
    await store.enqueue(tenant, { id: 'occ', label: 'x' }, items(2), t0);
    expect(await store.due('22222222-2222-2222-2222-222222222222', t0)).toEqual([]);
  });
});

describe('LeaseStore', () => {
  it('gives the lease to one owner until it expires, then to another', async () => {
    const leases = new LeaseStore(new MemoryTableStore());
    expect(await leases.acquire(tenant, 'sender', 'a', 0, 10_000)).toBe(true);
    expect(await leases.acquire(tenant, 'sender', 'b', 5_000, 10_000)).toBe(false);
    expect(await leases.acquire(tenant, 'sender', 'a', 9_000, 10_000)).toBe(true);
    expect(await leases.acquire(tenant, 'sender', 'b', 18_000, 10_000)).toBe(false);
    expect(await leases.acquire(tenant, 'sender', 'b', 19_001, 10_000)).toBe(true);
    await leases.release(tenant, 'sender', 'a');
    expect(await leases.acquire(tenant, 'sender', 'a', 20_000, 10_000)).toBe(false);
    await leases.release(tenant, 'sender', 'b');
    expect(await leases.acquire(tenant, 'sender', 'a', 20_000, 10_000)).toBe(true);
  });

  it('only one of many racing owners gets a free lease', async () => {
    const leases = new LeaseStore(new MemoryTableStore());
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((o) => leases.acquire(tenant, 'sender', o, 0, 10_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
