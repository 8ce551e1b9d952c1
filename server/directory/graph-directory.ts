/**
 * Production directory on Microsoft Graph (decision 029). A team's roster is read whole — one
 * paged `GET /teams/{id}/members` (TeamMember.Read.Group, resource-specific consent) — and kept
 * for a minute, so a burst of cards or tab requests about one class is one Graph read, however
 * many pupils answer. Only classes have pupils: a team whose `specialization` is
 * `educationClass` (`GET /teams/{id}`, TeamSettings.Read.Group). There owners are teachers and
 * other members pupils; guests are neither. In other teams (staff, clubs) people are recognised
 * as members but hold no team role. People are found for the admin by Graph's `$search` on
 * display names (`/users`, the application permission User.Read.All; RSC does not cover it).
 */
import { systemClock, type Clock } from '../../core/ports/directory.js';
import type { Directory, DirectoryPerson, TeamRef } from '../../core/ports/directory.js';
import type { TeamRole } from '../../core/roles.js';
import type { GraphClient } from '../graph/graph-client.js';
import { GraphConsentMissing, GraphNotFound } from '../graph/graph-errors.js';

export interface GraphDirectoryOptions {
  graph: GraphClient;
  clock?: Clock;
  /** How long a roster is trusted (default 60 s): a new owner is a teacher within a minute. */
  cacheMs?: number;
  /** Rosters kept at most (default 500 teams; the oldest goes first). */
  maxTeams?: number;
}

export type TeamKind = 'class' | 'other';
export type MemberRole = 'owner' | 'member' | 'guest';

export interface RosterMember {
  role: MemberRole;
  displayName: string | undefined;
}

/** A team as Graph shows it. `reachable: false` when Graph has no such team or no consent. */
export interface Roster {
  reachable: boolean;
  kind: TeamKind;
  members: ReadonlyMap<string, RosterMember>;
}

interface GraphTeam {
  specialization?: string | null;
}

interface GraphMember {
  '@odata.type'?: string;
  userId?: string | null;
  displayName?: string | null;
  roles?: string[] | null;
}

interface GraphUser {
  id?: string | null;
  displayName?: string | null;
}

const unreachable: Roster = { reachable: false, kind: 'other', members: new Map() };

export class GraphDirectory implements Directory {
  readonly #rosters = new Map<string, { until: number; roster: Promise<Roster> }>();
  /** A team's kind is set when it is created and never changes: read once per process. */
  readonly #kinds = new Map<string, TeamKind>();
  readonly #clock: Clock;
  readonly #cacheMs: number;
  readonly #maxTeams: number;

  constructor(private readonly options: GraphDirectoryOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#cacheMs = options.cacheMs ?? 60_000;
    this.#maxTeams = options.maxTeams ?? 500;
  }

  async roleInTeam(tenantId: string, team: TeamRef, userId: string): Promise<TeamRole | undefined> {
    if (!team.aadGroupId) return undefined;
    const roster = await this.roster(tenantId, team.aadGroupId);
    const member = roster.members.get(userId);
    if (!member || roster.kind !== 'class') return undefined;
    return member.role === 'owner' ? 'teacher' : member.role === 'member' ? 'pupil' : undefined;
  }

  async pupilsOf(tenantId: string, team: TeamRef): Promise<string[] | undefined> {
    if (!team.aadGroupId) return undefined;
    const roster = await this.roster(tenantId, team.aadGroupId);
    if (!roster.reachable) return undefined;
    if (roster.kind !== 'class') return [];
    return [...roster.members].filter(([, m]) => m.role === 'member').map(([userId]) => userId);
  }

  /**
   * The team's kind and members, shared by every caller while it is fresh (one read in flight
   * per team). A team Graph doesn't know, or where Belong lacks consent, has nobody in it: the
   * consent problem is logged by the client, and asked again only after the cache time.
   */
  roster(tenantId: string, groupId: string): Promise<Roster> {
    const key = `${tenantId}|${groupId}`;
    const now = this.#clock.now().getTime();
    const hit = this.#rosters.get(key);
    if (hit && hit.until > now) return hit.roster;
    const roster = this.#read(tenantId, groupId);
    this.#rosters.delete(key);
    this.#rosters.set(key, { until: now + this.#cacheMs, roster });
    if (this.#rosters.size > this.#maxTeams)
      this.#rosters.delete(this.#rosters.keys().next().value!);
    // A failure (Graph down) is not remembered: the next caller asks again.
    roster.catch(() => {
      if (this.#rosters.get(key)?.roster === roster) this.#rosters.delete(key);
    });
    return roster;
  }

  async #read(tenantId: string, groupId: string): Promise<Roster> {
    const { graph } = this.options;
    const path = `/teams/${encodeURIComponent(groupId)}`;
    // Both reads finish before either's failure counts, so nothing is left running behind us.
    const [kindRead, membersRead] = await Promise.allSettled([
      this.#kinds.get(`${tenantId}|${groupId}`) ??
        graph
          .get<GraphTeam>(tenantId, {
            path,
            what: 'team',
            consent: { kind: 'team', groupId, permission: 'TeamSettings.Read.Group' },
          })
          .then((t): TeamKind => (t.specialization === 'educationClass' ? 'class' : 'other')),
      graph.list<GraphMember>(tenantId, {
        path: `${path}/members`,
        what: 'team members',
        consent: { kind: 'team', groupId, permission: 'TeamMember.Read.Group' },
      }),
    ]);
    const failed = [kindRead, membersRead].flatMap((r) =>
      r.status === 'rejected' ? [r.reason as unknown] : [],
    );
    if (failed.some((e) => e instanceof GraphNotFound || e instanceof GraphConsentMissing))
      return unreachable;
    if (kindRead.status === 'rejected' || membersRead.status === 'rejected') throw failed[0];
    const kind = kindRead.value;
    this.#kinds.set(`${tenantId}|${groupId}`, kind);
    if (this.#kinds.size > this.#maxTeams) this.#kinds.delete(this.#kinds.keys().next().value!);
    const members = membersRead.value;
    const roster = new Map<string, RosterMember>();
    for (const m of members) {
      if (!m.userId) continue; // not an Entra user (e.g. an anonymous guest)
      const roles = m.roles ?? [];
      roster.set(m.userId, {
        role: roles.includes('owner') ? 'owner' : roles.includes('guest') ? 'guest' : 'member',
        displayName: m.displayName?.trim() || undefined,
      });
    }
    return { reachable: true, kind, members: roster };
  }

  async findPeople(tenantId: string, query: string, limit: number): Promise<DirectoryPerson[]> {
    // A quote or backslash would end or escape the search term; names don't need them.
    const term = query.replace(/["\\]/g, ' ').trim();
    if (!term) return [];
    const search = encodeURIComponent(`"displayName:${term}"`);
    const top = Math.max(1, Math.min(limit, 25));
    // One page is enough: the admin types more letters rather than scrolling a long list.
    const body = await this.options.graph.get<{ value?: GraphUser[] }>(tenantId, {
      path: `/users?$search=${search}&$select=id,displayName&$top=${top}&$count=true`,
      what: 'people search',
      consent: { kind: 'tenant', permission: 'User.Read.All' },
      // $search on directory objects is an advanced query: Graph refuses it without this.
      headers: { ConsistencyLevel: 'eventual' },
    });
    return (body.value ?? [])
      .filter((u): u is { id: string; displayName: string } => !!u.id && !!u.displayName?.trim())
      .map((u) => ({ userId: u.id, displayName: u.displayName.trim() }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, limit);
  }
}
