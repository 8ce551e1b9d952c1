/** Swap and cover requests from asking to the rota changing (swaps.ts, swap-moves.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BelongError, ErrorCode } from '../errors.js';
import {
  access,
  allAssignments,
  amb,
  ambassadors,
  assign,
  coordinator,
  id,
  lunch,
  on,
  refusal,
  rotas,
  school,
  service,
  setNow,
  slots,
  tenantId,
} from '../testing/rota-school.js';

beforeEach(() => school());

describe('swaps and cover', () => {
  const duty = { date: '2026-11-25', slotId: 'lunch-3' };

  beforeEach(async () => {
    await assign(3, duty.date, duty.slotId);
  });

  it('cover: asked, accepted, approved — the rota changes and the request says who did what when', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    expect(asked).toMatchObject({ status: 'open', requesterId: id(3) });
    setNow('2026-11-24T08:00:00Z');
    const accepted = await service.accept(amb(2), asked.id);
    expect(accepted).toMatchObject({ status: 'accepted', acceptorId: id(2) });
    expect(on(await allAssignments(), duty.date, duty.slotId)).toEqual([id(3)]); // waits for approval
    setNow('2026-11-24T09:00:00Z');
    const approved = await service.approve(coordinator, asked.id);
    expect(approved.status).toBe('approved');
    expect(approved.history).toEqual([
      { action: 'asked', by: id(3), at: '2026-11-24T07:00:00.000Z' },
      { action: 'accepted', by: id(2), at: '2026-11-24T08:00:00.000Z' },
      { action: 'approved', by: coordinator.userId, at: '2026-11-24T09:00:00.000Z' },
    ]);
    const all = await allAssignments();
    expect(on(all, duty.date, duty.slotId)).toEqual([id(2)]);
    expect(all.find((a) => a.ambassadorId === id(2))).toMatchObject({
      source: 'request',
      locked: true,
      requestId: asked.id,
    });
    // Approving again changes nothing and is refused as no longer waiting.
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['requestNotOpen']);
    const mine = await service.myRota(amb(2));
    expect(mine.duties.map((d) => [d.date, d.slotId, d.supervisingAdult])).toEqual([
      [duty.date, duty.slotId, 'Mr Price'],
    ]);
  });

  it('swap with approval off: applies at once, across two weeks', async () => {
    await school({ approvalRequired: false });
    await assign(3, duty.date, duty.slotId);
    await assign(1, '2026-12-01', 'lunch-2');
    const asked = await service.ask(amb(3), { kind: 'swap', ...duty });
    const options = await service.openRequests(amb(1));
    expect(options).toHaveLength(1);
    expect(options[0]!.inReturnOptions!.map((d) => [d.date, d.slotId])).toEqual([
      ['2026-12-01', 'lunch-2'],
    ]);
    const done = await service.accept(amb(1), asked.id, { date: '2026-12-01', slotId: 'lunch-2' });
    expect(done.status).toBe('approved');
    expect(done.history.map((h) => h.action)).toEqual(['asked', 'accepted', 'approved']);
    const all = await allAssignments();
    expect(on(all, duty.date, duty.slotId)).toEqual([id(1)]);
    expect(on(all, '2026-12-01', 'lunch-2')).toEqual([id(3)]);
    await refusal(service.cancel(amb(3), asked.id), 'conflict', ['requestNotOpen']);
  });

  it.each<[string, (requestId: string) => Promise<unknown>, ErrorCode, string[]]>([
    ['accepting your own request', (r) => service.accept(amb(3), r), 'conflict', ['ownRequest']],
    [
      'an acceptor not available then',
      (r) => service.accept(amb(5), r),
      'conflict',
      ['notAvailable'],
    ],
    [
      'an acceptor busy then',
      async (r) => {
        await service.setSlots(coordinator, [
          ...slots,
          {
            id: 'lunch-field-3',
            weekday: 3,
            periodId: 'lunch',
            placeId: 'Field',
            needed: 1,
            supervisingAdult: 'Ms Evans',
          },
        ]);
        await assign(2, duty.date, 'lunch-field-3');
        return service.accept(amb(2), r);
      },
      'conflict',
      ['busyThen'],
    ],
    [
      'an acceptor at the weekly maximum',
      async (r) => {
        await assign(1, '2026-11-26', 'library-4');
        await assign(1, '2026-11-24', 'library-2');
        await assign(1, '2026-11-26', 'lunch-4');
        return service.accept(amb(1), r);
      },
      'conflict',
      ['atMaximum'],
    ],
    [
      'an acceptor already on the duty',
      async (r) => {
        await assign(2, duty.date, duty.slotId);
        return service.accept(amb(2), r);
      },
      'conflict',
      ['alreadyOnDuty'],
    ],
    [
      'a duty that already changed',
      async (r) => {
        await service.changeAssignment(coordinator, { action: 'clear', ...duty });
        return service.accept(amb(2), r);
      },
      'conflict',
      ['dutyChanged'],
    ],
    [
      'a requester no longer active',
      async (r) => {
        await rotas.updateAmbassador(tenantId, id(3), (a) => ({ ...a!, active: false }));
        return service.accept(amb(2), r);
      },
      'conflict',
      ['requesterInactive'],
    ],
    [
      'an acceptor no longer active',
      async (r) => {
        await service.upsertAmbassador(coordinator, id(2), { ...ambassadors[2]!, active: false });
        return service.accept(amb(2), r);
      },
      'conflict',
      ['ambassadorInactive'],
    ],
    ['someone not on the rota', (r) => service.accept(amb(42), r), 'forbidden', ['notOnRota']],
    [
      'a duty that has passed',
      async (r) => {
        setNow('2026-11-26T07:00:00Z');
        return service.accept(amb(2), r);
      },
      'conflict',
      ['dutyPast'],
    ],
    [
      'a request no longer open',
      async (r) => {
        await service.accept(amb(2), r);
        return service.accept(amb(1), r);
      },
      'conflict',
      ['requestNotOpen'],
    ],
    [
      'a cancelled request',
      async (r) => {
        await service.cancel(amb(3), r);
        return service.accept(amb(1), r);
      },
      'conflict',
      ['requestNotOpen'],
    ],
    [
      'something given back for cover',
      (r) => service.accept(amb(2), r, { date: '2026-12-01', slotId: 'lunch-2' }),
      'invalidInput',
      ['inReturnForCover'],
    ],
    [
      'an unknown request',
      () => service.accept(amb(2), crypto.randomUUID()),
      'notFound',
      ['unknownRequest'],
    ],
    [
      'a pupil who is not an ambassador',
      (r) => service.accept(access(id(2)), r),
      'forbidden',
      ['notAmbassador'],
    ],
  ])('accepting cover: refuses %s', async (_name, act, code, problems) => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await refusal(act(asked.id), code, problems);
  });

  it.each<[string, () => Promise<unknown>, ErrorCode, string[]]>([
    ['nothing given back', async () => null, 'invalidInput', ['inReturnMissing']],
    [
      'a duty that is not the acceptor’s',
      async () => ({ date: '2026-12-01', slotId: 'lunch-2' }),
      'conflict',
      ['inReturnNotYours'],
    ],
    [
      'a duty the requester is not available for',
      async () => {
        await assign(2, '2026-12-03', 'lunch-4');
        return { date: '2026-12-03', slotId: 'lunch-4' };
      },
      'conflict',
      ['requesterNotAvailable'],
    ],
    [
      'a duty at a time the requester is busy',
      async () => {
        await service.setSlots(coordinator, [
          ...slots,
          {
            id: 'lunch-field-1',
            weekday: 1,
            periodId: 'lunch',
            placeId: 'Field',
            needed: 1,
            supervisingAdult: 'Ms Evans',
          },
        ]);
        await assign(3, '2026-11-30', 'lunch-1');
        await assign(2, '2026-11-30', 'lunch-field-1');
        return { date: '2026-11-30', slotId: 'lunch-field-1' };
      },
      'conflict',
      ['requesterBusyThen'],
    ],
    [
      'a duty the requester is already on',
      async () => {
        await assign(3, '2026-12-01', 'lunch-2');
        await assign(2, '2026-12-01', 'lunch-2');
        return { date: '2026-12-01', slotId: 'lunch-2' };
      },
      'conflict',
      ['requesterAlreadyOnDuty'],
    ],
    [
      'a week where the requester has the most already',
      async () => {
        await assign(3, '2026-11-30', 'lunch-1');
        await assign(3, '2026-12-01', 'lunch-2');
        await assign(3, '2026-12-02', 'lunch-3');
        await service.upsertAmbassador(coordinator, id(3), {
          ...ambassadors[3]!,
          availability: lunch(1, 2, 3, 5),
        });
        await assign(2, '2026-12-04', 'lunch-5');
        return { date: '2026-12-04', slotId: 'lunch-5' };
      },
      'conflict',
      ['requesterAtMaximum'],
    ],
  ])('accepting a swap: refuses %s', async (_name, prepare, code, problems) => {
    const asked = await service.ask(amb(3), { kind: 'swap', ...duty });
    const inReturn = (await prepare()) as { date: string; slotId: string } | null;
    await refusal(service.accept(amb(2), asked.id, inReturn ?? undefined), code, problems);
  });

  it.each<[string, () => Promise<unknown>, ErrorCode, string[]]>([
    [
      'a duty that is not mine',
      () => service.ask(amb(2), { kind: 'cover', ...duty }),
      'conflict',
      ['notYourDuty'],
    ],
    [
      'the same duty twice',
      async () => {
        await service.ask(amb(3), { kind: 'cover', ...duty });
        return service.ask(amb(3), { kind: 'swap', ...duty });
      },
      'conflict',
      ['requestExists'],
    ],
    [
      'a past duty',
      async () => {
        setNow('2026-11-26T07:00:00Z');
        return service.ask(amb(3), { kind: 'cover', ...duty });
      },
      'conflict',
      ['dutyPast'],
    ],
    [
      'no such duty',
      () => service.ask(amb(3), { kind: 'cover', date: '2026-11-28', slotId: 'lunch-3' }),
      'invalidInput',
      ['notADuty'],
    ],
    [
      'no such slot',
      () => service.ask(amb(3), { kind: 'cover', date: duty.date, slotId: 'roof' }),
      'invalidInput',
      ['unknownSlot'],
    ],
    [
      'someone not on the rota',
      () => service.ask(amb(42), { kind: 'cover', ...duty }),
      'forbidden',
      ['notOnRota'],
    ],
    [
      'an inactive ambassador',
      async () => {
        await rotas.updateAmbassador(tenantId, id(3), (a) => ({ ...a!, active: false }));
        return service.ask(amb(3), { kind: 'cover', ...duty });
      },
      'conflict',
      ['ambassadorInactive'],
    ],
  ])('asking: refuses %s', async (_name, act, code, problems) => {
    await refusal(act(), code, problems);
  });

  it('approval: refuses an open request, a declined one, and a duty that changed since', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['requestNotAccepted']);
    await service.accept(amb(2), asked.id);
    // The coordinator changed the duty by hand after it was accepted.
    await service.changeAssignment(coordinator, { action: 'clear', ...duty, ambassadorId: id(3) });
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['dutyChanged']);
    expect((await rotas.request(tenantId, asked.id))!.value.status).toBe('accepted');
    const declined = await service.decline(coordinator, asked.id);
    expect(declined).toMatchObject({ status: 'declined', decidedBy: coordinator.userId });
    await refusal(service.approve(coordinator, asked.id), 'conflict', ['requestNotOpen']);
    await refusal(service.decline(coordinator, asked.id), 'conflict', ['requestNotOpen']);
    await refusal(service.approve(amb(2), asked.id), 'forbidden', ['notCoordinator']);
  });

  it('the coordinator overrides first come, first served on cover, never on a swap', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await service.accept(amb(2), asked.id);
    await refusal(service.approve(coordinator, asked.id, id(5)), 'conflict', ['notAvailable']);
    await refusal(service.approve(coordinator, asked.id, id(3)), 'conflict', ['alreadyOnDuty']);
    await refusal(service.approve(coordinator, asked.id, id(77)), 'notFound', [
      'unknownAmbassador',
    ]);
    const done = await service.approve(coordinator, asked.id, id(4));
    expect(done).toMatchObject({ status: 'approved', acceptorId: id(4) });
    expect(done.history.map((h) => h.action)).toEqual([
      'asked',
      'accepted',
      'overridden',
      'approved',
    ]);
    expect(on(await allAssignments(), duty.date, duty.slotId)).toEqual([id(4)]);

    await assign(1, '2026-12-01', 'lunch-2');
    const swap = await service.ask(amb(1), { kind: 'swap', date: '2026-12-01', slotId: 'lunch-2' });
    await refusal(service.approve(coordinator, swap.id, id(2)), 'invalidInput', [
      'overrideOnlyCover',
    ]);
  });

  it('cancelling: only my own request, and only while it is open or waiting', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await refusal(service.cancel(amb(2), asked.id), 'notFound', ['unknownRequest']);
    const cancelled = await service.cancel(amb(3), asked.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', decidedBy: id(3) });
    await refusal(service.cancel(amb(3), asked.id), 'conflict', ['requestNotOpen']);
  });

  it('deactivating an ambassador takes them off future duties, cancels their requests and frees cover they took', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await assign(2, '2026-12-02', 'lunch-3');
    await assign(2, '2026-12-09', 'lunch-3');
    const theirs = await service.ask(amb(2), {
      kind: 'cover',
      date: '2026-12-09',
      slotId: 'lunch-3',
    });
    await service.accept(amb(2), asked.id);
    const { removedDuties } = await service.upsertAmbassador(coordinator, id(2), {
      ...ambassadors[2]!,
      active: false,
    });
    expect(removedDuties).toEqual([
      { date: '2026-12-02', slotId: 'lunch-3' },
      { date: '2026-12-09', slotId: 'lunch-3' },
    ]);
    expect((await rotas.request(tenantId, theirs.id))!.value.status).toBe('cancelled');
    const freed = (await rotas.request(tenantId, asked.id))!.value;
    expect(freed.status).toBe('open');
    expect(freed.acceptorId).toBeUndefined();
    expect(freed.history.at(-1)).toMatchObject({
      action: 'released',
      reason: 'ambassadorInactive',
    });
  });

  it('two ambassadors accepting the same cover at once: exactly one wins', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    const results = await Promise.allSettled([
      service.accept(amb(1), asked.id),
      service.accept(amb(2), asked.id),
      service.accept(amb(4), asked.id),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) expect((r.reason as BelongError).problems).toEqual(['requestNotOpen']);
    const stored = (await rotas.request(tenantId, asked.id))!.value;
    expect(stored.history.filter((h) => h.action === 'accepted')).toHaveLength(1);
  });

  it('with approval off, two at once: one takes the duty and the rota has exactly them', async () => {
    await school({ approvalRequired: false });
    await assign(3, duty.date, duty.slotId);
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    const results = await Promise.allSettled([
      service.accept(amb(1), asked.id),
      service.accept(amb(2), asked.id),
    ]);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(won).toHaveLength(1);
    expect(on(await allAssignments(), duty.date, duty.slotId)).toEqual([won[0]!.acceptorId]);
  });

  it('open requests list only what I could take now', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    expect((await service.openRequests(amb(2))).map((o) => o.request.id)).toEqual([asked.id]);
    expect(await service.openRequests(amb(5))).toEqual([]); // not available on Wednesdays
    expect(await service.openRequests(amb(3))).toEqual([]); // my own
    const [view] = await service.openRequests(amb(2));
    expect(view!.duty).toMatchObject({ placeId: 'Buddy bench', ambassadorIds: [id(3)] });
  });

  it('the coordinator’s overview shows pending requests, short duties and warnings', async () => {
    const asked = await service.ask(amb(3), { kind: 'cover', ...duty });
    await service.upsertAmbassador(coordinator, id(3), {
      ...ambassadors[3]!,
      availability: lunch(1),
    });
    const view = await service.overview(coordinator, '2026-11-23', '2026-11-29');
    expect(view.requests.map((r) => r.id)).toEqual([asked.id]);
    expect(view.warnings).toEqual([{ ...duty, ambassadorId: id(3), kind: 'unavailable' }]);
    expect(
      view.unfilled.find((u) => u.date === duty.date && u.slotId === duty.slotId),
    ).toMatchObject({ missing: 1 });
    expect(view.unfilled.every((u) => u.date >= '2026-11-24')).toBe(true);
    expect(view.dates.find((d) => d.date === '2026-11-27')).toMatchObject({
      schoolDay: false,
      inRota: false,
    });
  });
});
