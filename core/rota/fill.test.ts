/** Auto-fill as the coordinator runs it on the stored rota (fill.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { SchoolStore } from '../stores/school-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import {
  allAssignments,
  ambassadors,
  assign,
  coordinator,
  id,
  lunch,
  now,
  on,
  refusal,
  school,
  service,
  setNow,
  slots,
} from '../testing/rota-school.js';
import { isAvailable } from './rota.js';
import { RotaService } from './rota-service.js';
import { RotaStore, type DutyAssignment } from './rota-store.js';
import { mondayOf, weekdayOfChecked } from '../dates.js';

beforeEach(() => school());

describe('fill', () => {
  it('fills only dates after today, keeps locks and every hard rule, and skips the INSET day', async () => {
    await assign(2, '2026-11-24', 'lunch-2'); // today: kept as it is
    await assign(1, '2026-11-25', 'lunch-3'); // a locked hand assignment
    const result = await service.fill(coordinator);
    const all = await allAssignments();

    expect(on(all, '2026-11-24', 'lunch-2')).toEqual([id(2)]);
    expect(on(all, '2026-11-25', 'lunch-3')).toContain(id(1));
    expect(all.filter((a) => a.date === '2026-11-27')).toEqual([]);
    expect(all.every((a) => a.date <= '2026-12-18')).toBe(true);
    // Its summary starts at the first day it could change, not today.
    expect(result.from).toBe('2026-11-25');

    const needed = new Map(slots.map((s) => [s.id!, s]));
    const perWeek = new Map<string, number>();
    const at = new Set<string>();
    for (const a of all) {
      const slot = needed.get(a.slotId)!;
      expect(weekdayOfChecked(a.date)).toBe(slot.weekday);
      const who = { id: a.ambassadorId, ...ambassadors[Number(a.ambassadorId.slice(-2))]! };
      expect(isAvailable({ weekAB: false }, who, slot.weekday, slot.periodId, 'A')).toBe(true);
      const time = `${a.ambassadorId}|${a.date}|${slot.periodId}`;
      expect(at.has(time), time).toBe(false);
      at.add(time);
      const week = `${a.ambassadorId}|${mondayOf(a.date)}`;
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      expect(on(all, a.date, a.slotId).length).toBeLessThanOrEqual(slot.needed);
    }
    expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(3);
    for (const u of result.unfilled) {
      expect(u.date > '2026-11-24').toBe(true);
      expect(['nobody_available', 'everyone_at_maximum', 'everyone_busy']).toContain(u.reason);
    }
    // The fill is recorded as the coordinator's, unlocked; the hand assignments stay locked.
    const filled = all.find((a) => a.source === 'fill')!;
    expect(filled).toMatchObject({ locked: false, by: coordinator.userId });
  });

  it('gives the same rota when run again, and does not touch today', async () => {
    const first = await service.fill(coordinator);
    const second = await service.fill(coordinator);
    const strip = (list: DutyAssignment[]) =>
      list.map(({ date, slotId, ambassadorId }) => ({ date, slotId, ambassadorId }));
    expect(strip(second.assignments)).toEqual(strip(first.assignments));
    expect(first.assignments.filter((a) => a.date === '2026-11-24')).toEqual([]);
  });

  it('counts duties already done this week towards the weekly maximum', async () => {
    await school({ maxPerWeek: 2, clock: '2026-11-23T07:00:00Z' }); // Monday
    await assign(1, '2026-11-23', 'lunch-1');
    await assign(1, '2026-11-24', 'library-2');
    setNow('2026-11-24T07:00:00Z'); // Tuesday: both are today or past
    const result = await service.fill(coordinator);
    const all = await allAssignments();
    const thisWeek = all.filter((a) => a.ambassadorId === id(1) && a.date <= '2026-11-29');
    expect(thisWeek.map((a) => a.date)).toEqual(['2026-11-23', '2026-11-24']);
    // Auto-fill alone would give them Thursday's library too (nobody else can do it).
    expect(result.unfilled).toContainEqual({
      date: '2026-11-26',
      slotId: 'library-4',
      missing: 1,
      reason: 'everyone_at_maximum',
    });
  });

  it('refuses to fill around a lock that breaks a rule now, and names the rule', async () => {
    await assign(4, '2026-12-02', 'lunch-3');
    await service.upsertAmbassador(coordinator, id(4), {
      ...ambassadors[4]!,
      availability: lunch(4, 5),
    });
    const e = await refusal(service.fill(coordinator), 'conflict', ['lockUnavailable']);
    expect(e.message).toContain('2026-12-02 lunch-3');
  });

  it('drops future assignments when slots or dates change', async () => {
    await service.fill(coordinator);
    const before = await allAssignments();
    const { removed } = await service.setSlots(
      coordinator,
      slots.filter((s) => s.id !== 'library-4'),
    );
    expect(removed).toBe(before.filter((a) => a.slotId === 'library-4').length);
    const shorter = await service.setSettings(coordinator, {
      startDate: '2026-11-23',
      endDate: '2026-12-11',
      weekAB: false,
      maxPerWeek: 3,
    });
    expect(shorter.removed).toBeGreaterThan(0);
    expect((await allAssignments()).every((a) => a.date <= '2026-12-11')).toBe(true);
  });

  it('refuses without dates, or when the rota is over', async () => {
    await school({ clock: '2027-01-05T08:00:00Z' });
    await refusal(service.fill(coordinator), 'conflict', ['rotaOver']);
    const bare = new RotaService({
      rotas: new RotaStore(new MemoryTableStore()),
      schools: new SchoolStore(new MemoryTableStore()),
      clock: { now: () => now },
    });
    await refusal(bare.fill(coordinator), 'conflict', ['rotaNotSet']);
  });
});
