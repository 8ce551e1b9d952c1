/**
 * People's names for rota cards (decision 015). Belong stores no names; locally they come from
 * the demo school, in production from Microsoft Graph through a class team the person is in
 * (the app's existing TeamMember.Read.Group consent lists members with their display names).
 * A person in no class team Belong knows has no name here, and cards leave it out.
 */
import type { TokenCredential } from '@azure/identity';
import type { PersonNames } from '../../core/rota/rota-notices.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import { demoDirectory, type DemoSchool } from '../demo/demo-school.js';

export function demoPersonNames(school: DemoSchool): PersonNames {
  const names = new Map(demoDirectory(school).map((p) => [p.id, p.displayName]));
  return {
    displayName: async (tenantId, userId) =>
      tenantId === school.tenantId ? names.get(userId) : undefined,
  };
}

interface GraphMembers {
  value?: { displayName?: string | null }[];
}

export class GraphPersonNames implements PersonNames {
  readonly #cache = new Map<string, { name: string | undefined; until: number }>();

  constructor(
    private readonly options: {
      baseUrl: string;
      credential: TokenCredential;
      teams: TeamStore;
      cacheMs?: number;
      fetch?: typeof fetch;
    },
  ) {}

  async displayName(tenantId: string, userId: string): Promise<string | undefined> {
    const cacheKey = `${tenantId}|${userId}`;
    const hit = this.#cache.get(cacheKey);
    if (hit && hit.until > Date.now()) return hit.name;
    let name: string | undefined;
    try {
      name = await this.#lookUp(tenantId, userId);
    } catch {
      // A card without a name is still a good card; the next one tries again.
      return undefined;
    }
    this.#cache.set(cacheKey, { name, until: Date.now() + (this.options.cacheMs ?? 60 * 60_000) });
    return name;
  }

  async #lookUp(tenantId: string, userId: string): Promise<string | undefined> {
    const { teams } = this.options;
    for (const teamId of await teams.teamIdsOf(tenantId, userId)) {
      const team = await teams.get(tenantId, teamId);
      if (!team?.aadGroupId || team.removedAt) continue;
      const token = await this.options.credential.getToken('https://graph.microsoft.com/.default', {
        tenantId,
      });
      if (!token) throw new Error('Graph token unavailable');
      const filter = `(microsoft.graph.aadUserConversationMember/userId eq '${userId.replace(/'/g, "''")}')`;
      const url = `${this.options.baseUrl}/teams/${encodeURIComponent(team.aadGroupId)}/members?$filter=${encodeURIComponent(filter)}`;
      const res = await (this.options.fetch ?? fetch)(url, {
        headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' },
      });
      if (res.status === 404) continue;
      if (!res.ok) throw new Error(`Graph members lookup failed with ${res.status}`);
      const name = ((await res.json()) as GraphMembers).value?.[0]?.displayName?.trim();
      if (name) return name;
    }
    return undefined;
  }
}
