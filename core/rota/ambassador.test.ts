/** What ambassadors and the bot read of the rota (ambassador.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { assign, id, rotas, school, service, tenantId } from '../testing/rota-school.js';

beforeEach(() => school());

describe('who is on duty', () => {
  it('lists today’s duties with active ambassadors only', async () => {
    await assign(1, '2026-11-24', 'lunch-2');
    await assign(6, '2026-11-24', 'lunch-2');
    await assign(1, '2026-11-24', 'library-2');
    await rotas.updateAmbassador(tenantId, id(6), (a) => ({ ...a!, active: false }));
    const today = await service.onDuty(tenantId);
    expect(today.date).toBe('2026-11-24');
    expect(today.duties.map((d) => [d.slotId, d.placeId, d.ambassadorIds])).toEqual([
      ['library-2', 'Library', [id(1)]],
      ['lunch-2', 'Buddy bench', [id(1)]],
    ]);
    expect((await service.onDuty(tenantId, '2026-11-25')).duties).toEqual([]);
  });
});
