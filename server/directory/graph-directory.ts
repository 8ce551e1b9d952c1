/**
 * Production directory on Microsoft Graph: a person is a teacher of a class team when Graph lists
 * them as an owner of the team's group, a pupil when they are another member. Answers are cached
 * briefly so a page of tab requests doesn't become a page of Graph calls. People are found for
 * the admin by Graph's `$search` on display names (`/users`, which needs the app permission
 * User.Read.All; the manifest's resource-specific consent does not cover it).
 */
import type { TokenCredential } from '@azure/identity';
import { BelongError } from '../../core/errors.js';
import type { Directory, DirectoryPerson, TeamRef } from '../../core/ports/directory.js';
import type { TeamRole } from '../../core/roles.js';

export interface GraphDirectoryOptions {
  baseUrl: string;
  /** Credential for the app; it needs TeamMember.Read.Group (RSC) or TeamMember.Read.All. */
  credential: TokenCredential;
  scope?: string;
  cacheMs?: number;
  fetch?: typeof fetch;
}

interface GraphMembers {
  value?: { roles?: string[] }[];
}

interface GraphUsers {
  value?: { id?: string | null; displayName?: string | null }[];
}

export class GraphDirectory implements Directory {
  readonly #cache = new Map<string, { role: TeamRole | undefined; until: number }>();

  constructor(private readonly options: GraphDirectoryOptions) {}

  async roleInTeam(tenantId: string, team: TeamRef, userId: string): Promise<TeamRole | undefined> {
    if (!team.aadGroupId) return undefined;
    const cacheKey = `${tenantId}|${team.aadGroupId}|${userId}`;
    const hit = this.#cache.get(cacheKey);
    if (hit && hit.until > Date.now()) return hit.role;

    const token = await this.options.credential.getToken(
      this.options.scope ?? 'https://graph.microsoft.com/.default',
      { tenantId },
    );
    if (!token) throw new Error('Graph token unavailable');
    const filter = `(microsoft.graph.aadUserConversationMember/userId eq '${userId.replace(/'/g, "''")}')`;
    const url = `${this.options.baseUrl}/teams/${encodeURIComponent(team.aadGroupId)}/members?$filter=${encodeURIComponent(filter)}`;
    const res = await (this.options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' },
    });
    let role: TeamRole | undefined;
    if (res.status === 404) role = undefined;
    else if (!res.ok) throw new Error(`Graph members lookup failed with ${res.status}`);
    else {
      const body = (await res.json()) as GraphMembers;
      const member = body.value?.[0];
      role = member ? (member.roles?.includes('owner') ? 'teacher' : 'pupil') : undefined;
    }
    this.#cache.set(cacheKey, { role, until: Date.now() + (this.options.cacheMs ?? 5 * 60_000) });
    return role;
  }

  async findPeople(tenantId: string, query: string, limit: number): Promise<DirectoryPerson[]> {
    // A quote or backslash would end or escape the search term; names don't need them.
    const term = query.replace(/["\\]/g, ' ').trim();
    if (!term) return [];
    const token = await this.options.credential.getToken(
      this.options.scope ?? 'https://graph.microsoft.com/.default',
      { tenantId },
    );
    if (!token) throw new Error('Graph token unavailable');
    const search = encodeURIComponent(`"displayName:${term}"`);
    const top = Math.max(1, Math.min(limit, 25));
    const url = `${this.options.baseUrl}/users?$search=${search}&$select=id,displayName&$top=${top}&$count=true`;
    const res = await (this.options.fetch ?? fetch)(url, {
      headers: {
        authorization: `Bearer ${token.token}`,
        accept: 'application/json',
        // $search on directory objects is an advanced query: Graph refuses it without this.
        ConsistencyLevel: 'eventual',
      },
    });
    if (res.status === 403)
      throw new BelongError('unavailable', 'Belong may not search the directory (User.Read.All)');
    if (!res.ok) throw new Error(`Graph people search failed with ${res.status}`);
    const body = (await res.json()) as GraphUsers;
    return (body.value ?? [])
      .filter((u): u is { id: string; displayName: string } => !!u.id && !!u.displayName?.trim())
      .map((u) => ({ userId: u.id, displayName: u.displayName.trim() }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, limit);
  }
}
