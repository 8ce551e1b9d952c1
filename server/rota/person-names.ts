/**
 * People's names for cards and the tab (decisions 015, 029). Belong stores no names; locally they
 * come from the demo school, in production from Microsoft Graph. Graph is asked in batches: the
 * names wanted in one turn (a rota card's ambassadors, a list of requests) are looked up
 * together — first in the rosters of the teams Belong knows each person is in (the directory's
 * cached, one-read-per-team rosters, under the teams' resource-specific consent), then, for
 * people in none (staff in no class team), `/users?$filter=id in (…)` with at most 15 ids a
 * request, Graph's documented limit for `in` (User.Read.All, as the admin's people search).
 * A name Graph can't give is left out of the card; a failure is not remembered.
 */
import { systemClock, type Clock } from '../../core/ports/directory.js';
import { errorName, type Logger } from '../../core/ports/logger.js';
import type { PersonNames } from '../../core/rota/rota-notices.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import { demoDirectory, type DemoSchool } from '../demo/demo-school.js';
import type { GraphDirectory } from '../directory/graph-directory.js';
import type { GraphClient } from '../graph/graph-client.js';

export function demoPersonNames(school: DemoSchool): PersonNames {
  const names = new Map(demoDirectory(school).map((p) => [p.id, p.displayName]));
  return {
    displayName: async (tenantId, userId) =>
      tenantId === school.tenantId ? names.get(userId) : undefined,
  };
}

/** Graph's limit on the values of one `in` filter. */
export const idsPerUsersRequest = 15;

interface Waiting {
  resolve(name: string | undefined): void;
}

export interface GraphPersonNamesOptions {
  graph: GraphClient;
  directory: GraphDirectory;
  teams: TeamStore;
  log: Logger;
  clock?: Clock;
  /** How long a name is kept (default an hour: names rarely change). */
  cacheMs?: number;
}

export class GraphPersonNames implements PersonNames {
  readonly #cache = new Map<string, { name: string | undefined; until: number }>();
  /** Names asked for since the last look-up, by tenant, then person. */
  readonly #waiting = new Map<string, Map<string, Waiting[]>>();
  readonly #clock: Clock;

  constructor(private readonly options: GraphPersonNamesOptions) {
    this.#clock = options.clock ?? systemClock;
  }

  displayName(tenantId: string, userId: string): Promise<string | undefined> {
    const hit = this.#cache.get(`${tenantId}|${userId}`);
    if (hit && hit.until > this.#clock.now().getTime()) return Promise.resolve(hit.name);
    return new Promise((resolve) => {
      let tenant = this.#waiting.get(tenantId);
      if (!tenant) {
        tenant = new Map();
        this.#waiting.set(tenantId, tenant);
        // Everyone who asks in this turn of the event loop joins the same look-up.
        setImmediate(() => void this.#lookUp(tenantId));
      }
      const waiting = tenant.get(userId) ?? [];
      waiting.push({ resolve });
      tenant.set(userId, waiting);
    });
  }

  async #lookUp(tenantId: string): Promise<void> {
    const waiting = this.#waiting.get(tenantId)!;
    this.#waiting.delete(tenantId);
    const ids = [...waiting.keys()];
    let found: Map<string, string | undefined>;
    try {
      found = await this.#names(tenantId, ids);
    } catch (e) {
      // A card without a name is still a good card; the next one tries again.
      this.options.log.warn('names.lookUpFailed', { error: errorName(e), count: ids.length });
      found = new Map();
    }
    const until = this.#clock.now().getTime() + (this.options.cacheMs ?? 60 * 60_000);
    for (const [userId, callers] of waiting) {
      const name = found.get(userId);
      if (found.has(userId)) this.#cache.set(`${tenantId}|${userId}`, { name, until });
      for (const c of callers) c.resolve(name);
    }
  }

  /** Every id asked for maps to a name or undefined (known to have none we can show). */
  async #names(tenantId: string, ids: string[]): Promise<Map<string, string | undefined>> {
    const { teams, directory, graph } = this.options;
    const names = new Map<string, string | undefined>();
    const groupOf = new Map<string, Promise<string | undefined>>();
    const group = (teamId: string) => {
      if (!groupOf.has(teamId))
        groupOf.set(
          teamId,
          teams
            .get(tenantId, teamId)
            .then((t) => (t?.aadGroupId && !t.removedAt ? t.aadGroupId : undefined)),
        );
      return groupOf.get(teamId)!;
    };
    await Promise.all(
      ids.map(async (userId) => {
        for (const teamId of await teams.teamIdsOf(tenantId, userId)) {
          const groupId = await group(teamId);
          if (!groupId) continue;
          const name = (await directory.roster(tenantId, groupId)).members.get(userId)?.displayName;
          if (name) return void names.set(userId, name);
        }
      }),
    );
    const rest = ids.filter((id) => !names.has(id));
    try {
      for (let i = 0; i < rest.length; i += idsPerUsersRequest) {
        const chunk = rest.slice(i, i + idsPerUsersRequest);
        const list = chunk.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
        const users = await graph.list<{ id?: string | null; displayName?: string | null }>(
          tenantId,
          {
            path: `/users?$filter=${encodeURIComponent(`id in (${list})`)}&$select=id,displayName`,
            what: 'user names',
            consent: { kind: 'tenant', permission: 'User.Read.All' },
          },
        );
        for (const id of chunk) names.set(id, undefined);
        for (const u of users)
          if (u.id && names.has(u.id)) names.set(u.id, u.displayName?.trim() || undefined);
      }
    } catch (e) {
      // The names found in rosters still count; the others are asked for again next time.
      this.options.log.warn('names.usersFailed', { error: errorName(e), count: rest.length });
    }
    return names;
  }
}
