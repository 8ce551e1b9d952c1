/**
 * A fake Microsoft Graph on a free local port (a real HTTP server, so the Graph client's fetch,
 * headers, paging and retries are exercised for real). It serves the few reads Belong makes —
 * `GET /v1.0/teams/{id}`, `GET /v1.0/teams/{id}/members` (paged by `pageSize`, with absolute
 * `@odata.nextLink`s like Graph's), `GET /v1.0/users` with `$filter=id in (…)` or
 * `$search="displayName:…"` — counts every request, checks the bearer token, and can refuse
 * consent (403), throttle (429 + Retry-After) or fail (5xx) on demand.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMember {
  userId: string;
  displayName: string;
  email?: string;
  roles?: ('owner' | 'guest')[];
}

export interface FakeTeam {
  displayName?: string;
  /** Graph's team kind; classes are `educationClass`. */
  specialization?: string;
  members: FakeMember[];
}

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. /v1.0/teams/g1/members. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

export interface Fault {
  status: number;
  /** Sent as Retry-After (seconds). */
  retryAfter?: number;
}

export interface FakeGraph {
  /** The base URL the client is given: `http://127.0.0.1:port/v1.0`. */
  baseUrl: string;
  /** The token the fake accepts (any other gets 401). */
  token: string;
  requests: RecordedRequest[];
  /** Requests whose path matches, e.g. `requestsTo('/teams/g1/members')`. */
  requestsTo(pathEnd: string): RecordedRequest[];
  teams: Map<string, FakeTeam>;
  /** People of the tenant, for `/users` (team members are added too when `addTeam` is called). */
  users: Map<string, string>;
  addTeam(groupId: string, team: FakeTeam): void;
  /** Members per page of `/teams/{id}/members` (Graph's default is 100). */
  pageSize: number;
  /** The next requests whose path ends with `pathEnd` (any, if omitted) get these answers, in turn. */
  fail(faults: Fault[], pathEnd?: string): void;
  /** 403 for this team's reads (consent not granted there), or for `/users` with 'tenant'. */
  denyConsent(groupId: string | 'tenant'): void;
  close(): Promise<void>;
}

export async function startFakeGraph(token = 'graph-token'): Promise<FakeGraph> {
  const requests: RecordedRequest[] = [];
  const teams = new Map<string, FakeTeam>();
  const users = new Map<string, string>();
  const faults: { pathEnd: string | undefined; fault: Fault }[] = [];
  const denied = new Set<string>();
  let base = '';

  const fake: FakeGraph = {
    baseUrl: '',
    token,
    requests,
    requestsTo: (pathEnd) => requests.filter((r) => r.path.endsWith(pathEnd)),
    teams,
    users,
    pageSize: 100,
    addTeam(groupId, team) {
      teams.set(groupId, team);
      for (const m of team.members) users.set(m.userId, m.displayName);
    },
    fail(list, pathEnd) {
      faults.push(...list.map((fault) => ({ pathEnd, fault })));
    },
    denyConsent(groupId) {
      denied.add(groupId);
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };

  const answer = (req: http.IncomingMessage): [number, unknown, Record<string, string>?] => {
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname);
    requests.push({
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
    });
    if (req.headers.authorization !== `Bearer ${token}`)
      return [401, { error: { code: 'InvalidAuthenticationToken' } }];
    const f = faults.findIndex((x) => x.pathEnd === undefined || path.endsWith(x.pathEnd));
    if (f >= 0) {
      const { fault } = faults.splice(f, 1)[0]!;
      return [
        fault.status,
        { error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable' } },
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      ];
    }
    const forbidden: [number, unknown] = [403, { error: { code: 'Forbidden' } }];
    let m = /^\/v1\.0\/teams\/([^/]+)(\/members)?$/.exec(path);
    if (m) {
      const [, groupId, members] = m as unknown as [string, string, string | undefined];
      if (denied.has(groupId)) return forbidden;
      const team = teams.get(groupId);
      if (!team) return [404, { error: { code: 'NotFound' } }];
      if (!members)
        return [
          200,
          {
            id: groupId,
            displayName: team.displayName ?? groupId,
            specialization: team.specialization ?? 'none',
          },
        ];
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const page = team.members.slice(skip, skip + fake.pageSize).map((p) => ({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: `${groupId}-${p.userId}`,
        roles: p.roles ?? [],
        displayName: p.displayName,
        userId: p.userId,
        email: p.email ?? null,
        tenantId: 'fake-tenant',
      }));
      const next = skip + fake.pageSize;
      return [
        200,
        {
          value: page,
          ...(next < team.members.length
            ? { '@odata.nextLink': `${base}/v1.0/teams/${groupId}/members?$skiptoken=${next}` }
            : {}),
        },
      ];
    }
    m = /^\/v1\.0\/users$/.exec(path);
    if (m) {
      if (denied.has('tenant')) return forbidden;
      const filter = url.searchParams.get('$filter');
      const search = url.searchParams.get('$search');
      let found: [string, string][] = [];
      if (filter) {
        const ids = /^id in \((.*)\)$/.exec(filter)?.[1]?.split(',') ?? [];
        if (ids.length > 15) return [400, { error: { code: 'Request_UnsupportedQuery' } }];
        const wanted = ids.map((s) => s.trim().replace(/^'|'$/g, '').replace(/''/g, "'"));
        found = [...users].filter(([id]) => wanted.includes(id));
      } else if (search) {
        if (req.headers.consistencylevel !== 'eventual')
          return [400, { error: { code: 'Request_UnsupportedQuery' } }];
        const term = /^"displayName:(.*)"$/.exec(search)?.[1]?.toLowerCase() ?? '';
        found = [...users].filter(([, name]) =>
          name
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(term)),
        );
      }
      return [200, { value: found.map(([id, displayName]) => ({ id, displayName })) }];
    }
    return [404, { error: { code: 'NotFound' } }];
  };

  const server = http.createServer((req, res) => {
    const [status, body, headers = {}] = answer(req);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.baseUrl = `${base}/v1.0`;
  return fake;
}
