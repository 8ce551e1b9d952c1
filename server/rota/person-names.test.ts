import type { TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { TeamStore } from '../../core/stores/team-store.js';
import { MemoryTableStore } from '../../core/testing/memory-table-store.js';
import { wallMs } from '../../core/testing/wall-clock.js';
import { demoSchool } from '../demo/demo-school.js';
import { demoPersonNames, GraphPersonNames } from './person-names.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const credential: TokenCredential = {
  getToken: async () => ({ token: 't', expiresOnTimestamp: wallMs() + 60_000 }),
};

describe('person names', () => {
  it('come from the demo school locally, for its tenant only', async () => {
    const names = demoPersonNames(demoSchool);
    const bethan = demoSchool.people.find((p) => p.displayName === 'Bethan Morgan')!;
    expect(await names.displayName(demoSchool.tenantId, bethan.id)).toBe('Bethan Morgan');
    expect(await names.displayName(tenantId, bethan.id)).toBeUndefined();
  });

  it('come from Graph through a class team the person is in, cached; unknown or failing = no name', async () => {
    const teams = new TeamStore(new MemoryTableStore());
    await teams.recordInstall(
      tenantId,
      { teamId: 't1', aadGroupId: 'g1', serviceUrl: 'http://x', channels: [] },
      new Date('2026-11-24T10:00:00Z'),
    );
    await teams.addMember(tenantId, 't1', { userId: 'u1', teamsId: '29:u1', addedAt: '' });
    const urls: string[] = [];
    let status = 200;
    const names = new GraphPersonNames({
      baseUrl: 'https://graph.test/v1.0',
      credential,
      teams,
      fetch: (async (url: string) => {
        urls.push(url);
        return new Response(JSON.stringify({ value: [{ displayName: ' Amir Hassan ' }] }), {
          status,
        });
      }) as typeof fetch,
    });
    expect(await names.displayName(tenantId, 'u1')).toBe('Amir Hassan');
    expect(await names.displayName(tenantId, 'u1')).toBe('Amir Hassan');
    expect(urls).toHaveLength(1);
    expect(urls[0]).toContain('/teams/g1/members?$filter=');
    // In no team Belong knows: no name, and Graph isn't asked.
    expect(await names.displayName(tenantId, 'u2')).toBeUndefined();
    expect(urls).toHaveLength(1);
    status = 500;
    await teams.addMember(tenantId, 't1', { userId: 'u3', teamsId: '29:u3', addedAt: '' });
    expect(await names.displayName(tenantId, 'u3')).toBeUndefined();
  });
});
