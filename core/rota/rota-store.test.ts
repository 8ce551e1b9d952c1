import { describe, expect, it } from 'vitest';
import type { TableStore } from '../ports/table-store.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';
import { openTestStore } from '../../tests/support/tables.js';
import { RotaStore, type DutyAssignment, type SwapRequest } from './rota-store.js';

const tenantA = '11111111-1111-1111-1111-111111111111';
const tenantB = '22222222-2222-2222-2222-222222222222';
const at = '2026-11-24T08:00:00.000Z';
const assignment = (n: number, date = '2026-11-25'): DutyAssignment => ({
  date,
  slotId: `slot-${n % 30}`,
  ambassadorId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  locked: false,
  source: 'fill',
  by: 'coordinator',
  at,
});
const request: SwapRequest = {
  id: 'b7d2c6a4-8a55-4bd1-9a8e-3f0f1f2f3f4f',
  kind: 'cover',
  dutyDate: '2026-11-25',
  slotId: 'lunch-3',
  requesterId: 'r',
  status: 'open',
  createdAt: at,
  updatedAt: at,
  history: [{ action: 'asked', by: 'r', at }],
};

function contract(name: string, open: () => Promise<TableStore>) {
  describe(`RotaStore on ${name}`, () => {
    it('keeps settings, slots and ambassadors per school', async () => {
      const rotas = new RotaStore(await open());
      expect(await rotas.settings(tenantA)).toBeUndefined();
      expect(await rotas.slots(tenantA)).toEqual([]);
      const settings = {
        startDate: '2026-11-02',
        endDate: '2026-12-18',
        weekAB: true,
        maxPerWeek: 2,
        approvalRequired: true,
        updatedAt: at,
        updatedBy: 'c',
      };
      await rotas.putSettings(tenantA, settings);
      const slot = {
        id: 'lunch-1',
        weekday: 1 as const,
        periodId: 'lunch',
        placeId: 'Buddy bench',
        needed: 2,
        supervisingAdult: 'Mr Price',
        week: 'A' as const,
      };
      await rotas.putSlots(tenantA, { slots: [slot], updatedAt: at, updatedBy: 'c' });
      await rotas.updateAmbassador(tenantA, 'amb-1', () => ({
        id: 'amb-1',
        yearGroup: 7,
        trainedOn: '2026-09-10',
        active: true,
        availability: [{ weekday: 1, periodId: 'lunch' }],
        updatedAt: at,
        updatedBy: 'c',
      }));
      expect(await rotas.settings(tenantA)).toEqual(settings);
      expect(await rotas.slots(tenantA)).toEqual([slot]);
      expect((await rotas.ambassadors(tenantA)).map((a) => a.id)).toEqual(['amb-1']);
      expect(await rotas.settings(tenantB)).toBeUndefined();
      expect(await rotas.ambassadors(tenantB)).toEqual([]);
    });

    it('a week is read–modify–written: concurrent changes all land', async () => {
      const rotas = new RotaStore(await open());
      await Promise.all(
        [1, 2, 3, 4].map((n) =>
          rotas.updateWeek(tenantA, '2026-11-23', (w) => ({
            ...w,
            assignments: [...w.assignments, assignment(n)],
          })),
        ),
      );
      const week = await rotas.week(tenantA, '2026-11-23');
      expect(week!.value.assignments).toHaveLength(4);
      expect((await rotas.weeks(tenantA, ['2026-11-23', '2026-11-30']))[1]).toEqual({
        monday: '2026-11-30',
        assignments: [],
        applied: [],
      });
    });

    it('a refused change writes nothing', async () => {
      const rotas = new RotaStore(await open());
      await expect(
        rotas.updateWeek(tenantA, '2026-11-23', () => {
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      expect(await rotas.week(tenantA, '2026-11-23')).toBeUndefined();
    });

    it('writes a week only if nobody else did since it was read', async () => {
      const rotas = new RotaStore(await open());
      const week = { monday: '2026-11-30', assignments: [assignment(1)], applied: [] };
      expect(await rotas.writeWeekIfUnchanged(tenantA, week, undefined)).toBe(true);
      expect(await rotas.writeWeekIfUnchanged(tenantA, week, undefined)).toBe(false);
      const read = await rotas.week(tenantA, '2026-11-30');
      await rotas.updateWeek(tenantA, '2026-11-30', (w) => ({ ...w, applied: ['x'] }));
      expect(await rotas.writeWeekIfUnchanged(tenantA, week, read!.etag)).toBe(false);
      expect((await rotas.week(tenantA, '2026-11-30'))!.value.applied).toEqual(['x']);
    });

    it('a request is replaced only by whoever read it last: the second writer loses', async () => {
      const rotas = new RotaStore(await open());
      await rotas.createRequest(tenantA, request);
      const read1 = (await rotas.request(tenantA, request.id))!;
      const read2 = (await rotas.request(tenantA, request.id))!;
      const first = await rotas.replaceRequest(read1, {
        ...request,
        status: 'accepted',
        acceptorId: 'one',
      });
      expect(first).toBeDefined();
      expect(
        await rotas.replaceRequest(read2, { ...request, status: 'accepted', acceptorId: 'two' }),
      ).toBeUndefined();
      expect((await rotas.request(tenantA, request.id))!.value.acceptorId).toBe('one');
      expect((await rotas.requests(tenantA)).map((r) => r.id)).toEqual([request.id]);
      expect(await rotas.requests(tenantB)).toEqual([]);
      await expect(rotas.createRequest(tenantA, request)).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    it('holds a busy week of a large school (over one table property)', async () => {
      const rotas = new RotaStore(await open());
      const many = Array.from({ length: 400 }, (_, n) => assignment(n, `2026-11-2${3 + (n % 5)}`));
      await rotas.updateWeek(tenantA, '2026-11-23', (w) => ({ ...w, assignments: many }));
      expect((await rotas.week(tenantA, '2026-11-23'))!.value.assignments).toEqual(many);
      expect((await rotas.allWeeks(tenantA)).map((w) => w.value.monday)).toEqual(['2026-11-23']);
    });
  });
}

contract('the in-memory fake', async () => new MemoryTableStore());
contract('Azurite', () => openTestStore());
