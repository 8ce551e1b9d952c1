/**
 * The delivery engine in-process against the fake Teams connector (limits enforced, faults
 * injected) on a real Azurite store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryStore, type FanOutItem } from '../../core/stores/delivery-store.js';
import type { FakeTeamsOptions } from '../support/fake-teams-connector.js';
import { startFakeTeamsProcess, type FakeTeamsProcess } from '../support/fake-teams-process.js';
import { channelFanOut, localEngine } from '../support/fan-out.js';
import { openTestStore, uniquePrefix } from '../support/tables.js';
import { wallClock, wallMs } from '../../core/testing/wall-clock.js';

const tenant = '00000000-0000-0000-0000-00000000d311';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(connectorOptions: FakeTeamsOptions, tenantRps = 50) {
  const connector = await startFakeTeamsProcess(connectorOptions);
  cleanups.push(() => connector.close());
  const { deliveries, engine } = localEngine(await openTestStore(), tenant, tenantRps, 100);
  cleanups.push(() => engine.stop());
  return { connector, deliveries, engine };
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = wallMs() + timeoutMs;
  while (!(await check())) {
    if (wallMs() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exactlyOnce = async (connector: FakeTeamsProcess, keys: string[]) => {
  const { counts } = await connector.stats();
  return {
    missing: keys.filter((k) => !counts[k]).length,
    twice: keys.filter((k) => (counts[k] ?? 0) > 1).length,
  };
};

describe('delivery engine', () => {
  it('200 channels with 10 % 429 and 2 % 5xx injected: every channel gets exactly one post, within the limits', async () => {
    const { connector, deliveries, engine } = await setUp({ seed: 3, rate429: 0.1, rate5xx: 0.02 });
    const items = channelFanOut(200, connector.url);
    await deliveries.enqueue(tenant, { id: 'occ-200', label: 'Prompt' }, items, wallClock.now());
    engine.start();
    await until(async () => (await deliveries.progress(tenant, 'occ-200'))!.finished);
    expect(
      await exactlyOnce(
        connector,
        items.map((i) => i.targetKey),
      ),
    ).toEqual({ missing: 0, twice: 0 });
    const stats = await connector.stats();
    expect(stats.duplicates).toBe(0);
    expect(stats.violations).toEqual({ conversation: 0, tenant: 0 });
    const progress = await deliveries.progress(tenant, 'occ-200');
    expect(progress!.counts.sent).toBe(200);
    // Every sent delivery knows the activity id Teams gave it (needed to edit the post later).
    const stored = await deliveries.deliveriesOf(tenant, 'occ-200');
    expect(
      stored.every(
        (d) => d.value.activityId && d.value.conversationId?.includes(d.value.targetKey),
      ),
    ).toBe(true);
  });

  it('marks a channel the bot was removed from as removed (no retry), fails a bad request with its reason, and sends the rest', async () => {
    const probe = channelFanOut(5, 'http://unused');
    const { connector, deliveries, engine } = await setUp({
      removed: [probe[1]!.targetKey],
      missing: [probe[2]!.targetKey],
    });
    const items = channelFanOut(5, connector.url);
    await deliveries.enqueue(
      tenant,
      { id: 'occ-removed', label: 'Prompt' },
      items,
      wallClock.now(),
    );
    engine.start();
    await until(async () => (await deliveries.progress(tenant, 'occ-removed'))!.finished);
    const progress = (await deliveries.progress(tenant, 'occ-removed'))!;
    expect(progress.counts).toMatchObject({ sent: 3, removed: 2, failed: 0 });
    expect(progress.removedTargets.sort()).toEqual(
      [items[1]!.targetKey, items[2]!.targetKey].sort(),
    );
    const removed = (await deliveries.deliveriesOf(tenant, 'occ-removed')).find(
      (d) => d.value.targetKey === items[1]!.targetKey,
    )!;
    expect(removed.value.attempts).toBe(1);
    expect(removed.value.reason).toMatch(/MessageWritesBlocked/);
  });

  it('never goes over the per-conversation limits when one channel gets many posts', async () => {
    const { connector, deliveries, engine } = await setUp({ seed: 5 });
    const channel = channelFanOut(1, connector.url)[0]!;
    for (let i = 0; i < 12; i++) {
      await deliveries.enqueue(
        tenant,
        { id: `burst-${i}`, label: 'Burst' },
        [channel],
        wallClock.now(),
      );
    }
    engine.start();
    await until(async () => {
      for (let i = 0; i < 12; i++)
        if (!(await deliveries.progress(tenant, `burst-${i}`))!.finished) return false;
      return true;
    });
    const stats = await connector.stats();
    expect(stats.counts[channel.targetKey]).toBe(12);
    expect(stats.violations).toEqual({ conversation: 0, tenant: 0 });
    expect(await connector.maxInAnyWindow(channel.targetKey, 1000)).toBeLessThanOrEqual(7);
    expect(await connector.maxInAnyWindow(channel.targetKey, 2000)).toBeLessThanOrEqual(8);
  });

  it('stops at once while deliveries wait for their rate slot, and hands them back unsent', async () => {
    const connector = await startFakeTeamsProcess({ seed: 11 });
    cleanups.push(() => connector.close());
    // One request per tenant window, and a window made 10 s longer than Teams' (the margin): once
    // the first post is in, the others are claimed and waiting ~11 s for a slot, as a delivery to
    // a busy conversation can wait up to 30 s for Teams' 60-in-30-s window.
    const { deliveries, engine } = localEngine(await openTestStore(), tenant, 1, 10_000);
    cleanups.push(() => engine.stop());
    const items = channelFanOut(10, connector.url, 'stop');
    await deliveries.enqueue(tenant, { id: 'occ-stop', label: 'Prompt' }, items, wallClock.now());
    engine.start();
    await until(async () => (await connector.stats()).posts >= 1);
    const stopping = wallMs();
    await engine.stop();
    // Stopping (a redeploy, a scale-in) doesn't wait for the slot.
    expect(wallMs() - stopping).toBeLessThan(5_000);
    const posted = (await connector.stats()).posts;
    expect(posted).toBe(1);
    const stored = await deliveries.deliveriesOf(tenant, 'occ-stop');
    expect(stored.filter((d) => d.value.status === 'sent')).toHaveLength(1);
    const handedBack = stored.filter((d) => d.value.status === 'pending');
    expect(handedBack).toHaveLength(9);
    // Not sent, so no attempt counted: the next sender starts them afresh.
    for (const d of handedBack) expect(d.value.attempts).toBe(0);
  });

  it('sends personal messages into the stored chat and edits a post it made earlier', async () => {
    const { connector, deliveries, engine } = await setUp({ seed: 9 });
    const [channel] = channelFanOut(1, connector.url, 'edit');
    await deliveries.enqueue(
      tenant,
      { id: 'occ-post', label: 'Check-in' },
      [channel!],
      wallClock.now(),
    );
    await deliveries.enqueue(
      tenant,
      { id: 'occ-personal', label: 'Reminder' },
      [
        {
          targetKey: 'pupil-1',
          target: {
            kind: 'conversation',
            conversationId: 'a:personal-pupil-1',
            serviceUrl: connector.url,
          },
          content: { text: 'Your duty is at lunch today' },
        },
      ],
      wallClock.now(),
    );
    engine.start();
    await until(async () => (await deliveries.progress(tenant, 'occ-post'))!.finished);
    await until(async () => (await deliveries.progress(tenant, 'occ-personal'))!.finished);
    const [posted] = await deliveries.deliveriesOf(tenant, 'occ-post');
    const [personal] = await deliveries.deliveriesOf(tenant, 'occ-personal');
    expect(personal!.value).toMatchObject({ status: 'sent', conversationId: 'a:personal-pupil-1' });

    await deliveries.enqueue(
      tenant,
      { id: 'occ-close', label: 'Close check-in' },
      [
        {
          targetKey: posted!.value.targetKey,
          target: {
            kind: 'update',
            conversationId: posted!.value.conversationId!,
            activityId: posted!.value.activityId!,
            serviceUrl: connector.url,
          },
          content: { text: 'This check-in has closed' },
        },
      ],
      wallClock.now(),
    );
    engine.poke();
    await until(async () => (await deliveries.progress(tenant, 'occ-close'))!.finished);
    expect((await deliveries.progress(tenant, 'occ-close'))!.counts.sent).toBe(1);
    const log = await connector.log();
    expect(log.filter((e) => e.outcome === 'accepted')).toHaveLength(3);
  });
});

/** A talk request: one personal message to the DSL and one to the deputy, in their bot chats. */
function talkItems(serviceUrl: string): FanOutItem[] {
  return ['dsl', 'deputy'].map((who) => ({
    targetKey: who,
    target: { kind: 'conversation', conversationId: `a:personal-${who}`, serviceUrl },
    content: { text: 'A pupil would like to talk to someone' },
  }));
}

/**
 * The engine's instance on a fresh store, and a second instance's outbox on the same tables
 * (its own connection, and no way to poke the engine), as a talk request made on another server.
 */
async function setUpTwoInstances(connectorOptions: FakeTeamsOptions) {
  const connector = await startFakeTeamsProcess(connectorOptions);
  cleanups.push(() => connector.close());
  const prefix = uniquePrefix();
  const { deliveries, engine } = localEngine(await openTestStore(prefix), tenant, 50, 100);
  cleanups.push(() => engine.stop());
  const other = new DeliveryStore(await openTestStore(prefix));
  return { connector, deliveries, engine, other };
}

describe('delivery engine: urgent (safeguarding) messages', () => {
  it('a talk request enqueued by another instance during a 200-class post goes ahead of the rest of it, within the limits', async () => {
    const { connector, deliveries, engine, other } = await setUpTwoInstances({ seed: 17 });
    engine.start();
    // The scheduler's shape: one occurrence per class, a few enqueued at a time, engine running.
    const items = channelFanOut(200, connector.url, 'talk-during');
    let next = 0;
    const posting = Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = next++; i < items.length; i = next++)
          await deliveries.enqueue(
            tenant,
            { id: `post-${i}`, label: `Prompt — class ${i}` },
            [items[i]!],
            wallClock.now(),
          );
      }),
    );
    await until(async () => (await connector.stats()).posts >= 30);
    await other.enqueue(
      tenant,
      { id: 'talk', label: 'Talk request', urgent: true },
      talkItems(connector.url),
      wallClock.now(),
    );
    await posting;
    await until(async () => (await connector.stats()).posts >= 202);
    const talk = await deliveries.deliveriesOf(tenant, 'talk');
    expect(talk.map((d) => d.value.status)).toEqual(['sent', 'sent']);
    const talkSent = Math.max(...talk.map((d) => Date.parse(d.value.sentAt!)));
    const fanOutSentAt = (
      await Promise.all(items.map((_, i) => deliveries.deliveriesOf(tenant, `post-${i}`)))
    ).map(([d]) => Date.parse(d!.value.sentAt!));
    // Most of the post was still to go when the talk request went (170 were, when it was made).
    expect(fanOutSentAt.filter((at) => at > talkSent).length).toBeGreaterThanOrEqual(85);
    expect(
      await exactlyOnce(connector, [...items.map((i) => i.targetKey), 'a:personal-dsl']),
    ).toEqual({ missing: 0, twice: 0 });
    const stats = await connector.stats();
    expect(stats.duplicates).toBe(0);
    expect(stats.violations).toEqual({ conversation: 0, tenant: 0 });
  });

  it('many talk requests at once keep the per-conversation limits of the chats they go to', async () => {
    const { connector, deliveries, engine, other } = await setUpTwoInstances({ seed: 19 });
    for (let i = 0; i < 12; i++)
      await other.enqueue(
        tenant,
        { id: `talk-${i}`, label: 'Talk request', urgent: true },
        talkItems(connector.url),
        wallClock.now(),
      );
    engine.start();
    await until(async () => {
      for (let i = 0; i < 12; i++)
        if (!(await deliveries.progress(tenant, `talk-${i}`))!.finished) return false;
      return true;
    });
    const stats = await connector.stats();
    expect(stats.violations).toEqual({ conversation: 0, tenant: 0 });
    for (const chat of ['a:personal-dsl', 'a:personal-deputy']) {
      expect(stats.counts[chat]).toBe(12);
      expect(await connector.maxInAnyWindow(chat, 1000)).toBeLessThanOrEqual(7);
      expect(await connector.maxInAnyWindow(chat, 2000)).toBeLessThanOrEqual(8);
    }
  });

  it('a talk message claimed by a sender that died is taken over by the next and sent once', async () => {
    const { connector, deliveries, engine, other } = await setUpTwoInstances({ seed: 23 });
    await other.enqueue(
      tenant,
      { id: 'talk', label: 'Talk request', urgent: true },
      talkItems(connector.url),
      wallClock.now(),
    );
    const [abandoned] = await other.urgentDue(tenant, wallClock.now());
    await other.claim(
      tenant,
      abandoned!,
      'dead-instance',
      new Date(wallMs() + 60_000),
      wallClock.now(),
    );
    engine.start();
    await until(async () => (await deliveries.progress(tenant, 'talk'))!.finished);
    const stats = await connector.stats();
    expect(stats.counts['a:personal-dsl']).toBe(1);
    expect(stats.counts['a:personal-deputy']).toBe(1);
    const taken = (await deliveries.deliveriesOf(tenant, 'talk')).find(
      (d) => d.key.row === abandoned!.key.row,
    );
    expect(taken!.value).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
