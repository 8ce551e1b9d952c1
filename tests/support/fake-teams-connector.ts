/**
 * A network-level fake of the Teams (Bot Framework) connector for delivery tests: it answers the
 * create / send / update routes like the real service, enforces Teams' published rate limits (and
 * counts every breach as a violation), injects faults from a seeded PRNG, and records every post
 * it accepted so a test can ask "was anything lost, was anything posted twice?".
 *
 * Behaviour and options: docs/notes/fake-teams-connector.md.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../core/prng.js';

/** The shared seeded PRNG, for tests and benches that already import it from here. */
export { mulberry32 };

/** At most `max` accepted requests in any sliding window of `ms` milliseconds. */
export interface WindowLimit {
  ms: number;
  max: number;
}

/** Teams' per-conversation (per bot, per thread/channel) limits. */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];

/** Teams' per-app, per-tenant limit: requests in any sliding second. */
export const TEAMS_TENANT_RPS = 50;

export interface FakeTeamsLimits {
  /** Defaults to TEAMS_CONVERSATION_LIMITS; `[]` turns conversation limits off. */
  perConversation?: readonly WindowLimit[];
  /** Defaults to TEAMS_TENANT_RPS; `Infinity` turns the tenant limit off. */
  tenantRps?: number;
}

export interface FakeTeamsFaults {
  /** Fraction of requests answered 429 with `Retry-After: 1` (not a violation). */
  rate429?: number;
  /** Fraction answered 502, 503 or 504 (picked by the PRNG). */
  rate5xx?: number;
  /** Delay before every response: fixed, or uniform in [min, max]. */
  latencyMs?: number | readonly [number, number];
  /** Conversations the bot was removed from: 403 MessageWritesBlocked. */
  removed?: Iterable<string>;
  /** Conversations that do not exist: 404 ConversationNotFound. */
  missing?: Iterable<string>;
  /** Fraction whose socket is destroyed before anything is accepted. */
  dropBeforeRate?: number;
  /** Fraction that are accepted and recorded, then the socket is destroyed (a lost response). */
  dropAfterRate?: number;
}

export interface FakeTeamsOptions extends FakeTeamsFaults {
  /** PRNG seed for faults and latency (default 1). */
  seed?: number;
  limits?: FakeTeamsLimits;
  /** Clock for limits and records (default Date.now). */
  now?: () => number;
}

export type AcceptedKind = 'create' | 'send' | 'update';

export interface AcceptedPost {
  kind: AcceptedKind;
  /** The rate-limit key: the channel id for channel threads (`;messageid=…` removed). */
  conversation: string;
  /** The conversation id as addressed (for create: the id returned). */
  conversationId: string;
  tenant: string;
  /** Arrival time (ms, from the `now` clock). */
  at: number;
  activityId: string;
  /** `activity.channelData.belongDeliveryId`, if the sender put one there. */
  clientRef: string | undefined;
  activity: unknown;
}

export type Outcome =
  | 'accepted'
  | 'limited-conversation'
  | 'limited-tenant'
  | 'fault-429'
  | 'fault-5xx'
  | 'removed'
  | 'missing'
  | 'drop-before'
  | 'drop-after'
  | 'activity-not-found'
  | 'bad-request'
  | 'not-found';

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  conversation: string | undefined;
  tenant: string | undefined;
  outcome: Outcome;
  status: number | undefined;
}

export interface FakeTeams {
  /** Base URL (no trailing slash): use as the serviceUrl. */
  url: string;
  /** Accepted creates and sends (new messages), in acceptance order. */
  posts(): AcceptedPost[];
  /** Accepted updates, in order. */
  updates(): AcceptedPost[];
  /** Every accepted request that is recorded (creates, sends, updates). */
  accepted(): AcceptedPost[];
  postsFor(conversation: string): AcceptedPost[];
  /** Posts (creates + sends) per rate-limit conversation. */
  countsByConversation(): Map<string, number>;
  /** Posts whose defined clientRef had already been accepted in an earlier post. */
  duplicates(): number;
  /** Requests refused because they broke a Teams limit (injected 429s are not counted). */
  violations(): { conversation: number; tenant: number };
  /** Every request received, whatever its outcome. */
  requests(): number;
  log(): RequestLogEntry[];
  /** Most accepted requests (posts and updates) to `conversation` within any `ms` window. */
  maxInAnyWindow(conversation: string, ms: number): number;
  /** Merges into the current faults; pass e.g. `{ rate5xx: 0 }` to clear one. */
  setFaults(faults: FakeTeamsFaults): void;
  /**
   * Forgets records, windows, counters and posted ids, and reseeds the PRNG; keeps faults. New
   * activity ids keep counting up, so ids from before a reset are never reissued.
   */
  reset(): void;
  close(): Promise<void>;
}

/** Sliding-window counters per key over admitted timestamps. */
export class SlidingWindows {
  private readonly times = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly limits: readonly WindowLimit[]) {
    this.longest = Math.max(0, ...limits.map((l) => l.ms));
  }

  /** Milliseconds until `key` could be admitted at `at`; 0 means now. */
  waitMs(key: string, at: number): number {
    const times = this.times.get(key);
    if (!times) return this.limits.some((l) => l.max < 1) ? Infinity : 0;
    let wait = 0;
    for (const { ms, max } of this.limits) {
      if (max < 1) return Infinity;
      const first = firstAfter(times, at - ms);
      const inWindow = times.length - first;
      if (inWindow >= max) {
        // Once the (inWindow - max + 1)th oldest entry leaves the window, one slot is free.
        const oldest = times[first + inWindow - max] ?? at;
        wait = Math.max(wait, oldest + ms - at);
      }
    }
    return wait;
  }

  admit(key: string, at: number): void {
    let times = this.times.get(key);
    if (!times) this.times.set(key, (times = []));
    // Keep sorted even if the clock steps back.
    let i = times.length;
    while (i > 0 && (times[i - 1] ?? 0) > at) i--;
    times.splice(i, 0, at);
    const stale = firstAfter(times, at - this.longest);
    if (stale > 0) times.splice(0, stale);
  }

  clear(): void {
    this.times.clear();
  }
}

/** Index of the first element of sorted `times` greater than `t`. */
function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Most timestamps (sorted) falling within any window of `ms` (t - first < ms). */
export function maxInWindow(times: readonly number[], ms: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

type Json = Record<string, unknown>;

interface Route {
  kind: AcceptedKind | 'personal';
  /** Conversation id as addressed (send/update) — absent for create. */
  cid?: string;
  activityId?: string;
}

const THREAD_SUFFIX = /;messageid=.*$/;

function route(method: string, segments: string[]): Route | undefined {
  const [v3, conversations, cid, activities, id, ...rest] = segments;
  if (v3 !== 'v3' || conversations !== 'conversations' || rest.length > 0) return undefined;
  if (cid === undefined) return method === 'POST' ? { kind: 'create' } : undefined;
  if (activities !== 'activities' || cid === '') return undefined;
  if (method === 'POST') return { kind: 'send', cid };
  if (method === 'PUT' && id) return { kind: 'update', cid, activityId: id };
  return undefined;
}

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function tenantOf(body: Json, header: string | string[] | undefined): string {
  if (typeof header === 'string' && header !== '') return header;
  const channelData = obj(body.channelData);
  const activity = obj(body.activity);
  return (
    str(body.tenantId) ??
    str(obj(channelData?.tenant)?.id) ??
    str(obj(obj(activity?.channelData)?.tenant)?.id) ??
    str(obj(body.conversation)?.tenantId) ??
    'unknown'
  );
}

function clientRefOf(activity: Json | undefined): string | undefined {
  return str(obj(activity?.channelData)?.belongDeliveryId);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const error = (code: string, message: string) => ({ error: { code, message } });

export async function startFakeTeamsConnector(options: FakeTeamsOptions = {}): Promise<FakeTeams> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const tenantRps = options.limits?.tenantRps ?? TEAMS_TENANT_RPS;
  const conversationWindows = new SlidingWindows(
    options.limits?.perConversation ?? TEAMS_CONVERSATION_LIMITS,
  );
  const tenantWindows = new SlidingWindows(
    Number.isFinite(tenantRps) ? [{ ms: 1_000, max: tenantRps }] : [],
  );

  const faults = {
    rate429: 0,
    rate5xx: 0,
    latencyMs: 0 as number | readonly [number, number],
    removed: new Set<string>(),
    missing: new Set<string>(),
    dropBeforeRate: 0,
    dropAfterRate: 0,
  };
  const setFaults = (f: FakeTeamsFaults): void => {
    if (f.rate429 !== undefined) faults.rate429 = f.rate429;
    if (f.rate5xx !== undefined) faults.rate5xx = f.rate5xx;
    if (f.latencyMs !== undefined) faults.latencyMs = f.latencyMs;
    if (f.removed !== undefined) faults.removed = new Set(f.removed);
    if (f.missing !== undefined) faults.missing = new Set(f.missing);
    if (f.dropBeforeRate !== undefined) faults.dropBeforeRate = f.dropBeforeRate;
    if (f.dropAfterRate !== undefined) faults.dropAfterRate = f.dropAfterRate;
  };
  setFaults(options);

  let random = mulberry32(seed);
  let records: AcceptedPost[] = [];
  let requestLog: RequestLogEntry[] = [];
  let violations = { conversation: 0, tenant: 0 };
  let requestCount = 0;
  let nextId = 0;
  /** Activity ids posted per rate-limit conversation, for updates. */
  let postedIds = new Map<string, Set<string>>();

  const latency = (draw: number): number => {
    const l = faults.latencyMs;
    if (typeof l === 'number') return l;
    return l[0] + draw * (l[1] - l[0]);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    requestCount++;
    const method = req.method ?? '';
    const path = (req.url ?? '').split('?')[0] ?? '';
    const at = now();
    const entry: RequestLogEntry = {
      at,
      method,
      path,
      conversation: undefined,
      tenant: undefined,
      outcome: 'not-found',
      status: 404,
    };
    requestLog.push(entry);
    const done = (outcome: Outcome, status: number | undefined): void => {
      entry.outcome = outcome;
      entry.status = status;
    };

    let segments: string[];
    try {
      segments = path.split('/').slice(1).map(decodeURIComponent);
    } catch {
      done('bad-request', 400);
      return send(res, 400, error('BadArgument', 'malformed path'));
    }
    const r = route(method, segments);
    if (!r) return send(res, 404, error('NotFound', `fake Teams: no route ${method} ${path}`));

    let body: Json;
    try {
      const parsed = raw ? (JSON.parse(raw) as unknown) : {};
      const o = obj(parsed);
      if (!o) throw new Error('not an object');
      body = o;
    } catch {
      done('bad-request', 400);
      return send(res, 400, error('BadArgument', 'body is not a JSON object'));
    }

    // Always three draws per routed request, so the fault sequence depends only on request order.
    const faultDraw = random();
    const codeDraw = random();
    const latencyDraw = random();
    const delay = latency(latencyDraw);
    const respond = (fn: () => void): void => {
      if (delay > 0) setTimeout(fn, delay);
      else fn();
    };

    const tenant = tenantOf(body, req.headers['x-ms-tenant-id']);
    entry.tenant = tenant;

    let conversation: string | undefined; // rate-limit key; undefined for personal creates
    let activity: Json | undefined;
    let kind: Route['kind'] = r.kind;
    let personalId: string | undefined;
    if (r.kind === 'create') {
      const channelId = str(obj(obj(body.channelData)?.channel)?.id);
      const members = Array.isArray(body.members) ? body.members : [];
      const memberId = str(obj(members[0])?.id);
      activity = obj(body.activity);
      if (channelId && activity) {
        conversation = channelId;
      } else if (!channelId && memberId && !activity) {
        kind = 'personal';
        personalId = `a:personal-${memberId}`;
      } else {
        done('bad-request', 400);
        return respond(() =>
          send(
            res,
            400,
            error('BadArgument', 'need channelData.channel.id + activity, or members'),
          ),
        );
      }
    } else {
      conversation = (r.cid ?? '').replace(THREAD_SUFFIX, '');
      activity = body;
    }
    entry.conversation = conversation ?? personalId;

    // Teams' limits first, at arrival time.
    const convWait = conversation ? conversationWindows.waitMs(conversation, at) : 0;
    const tenantWait = tenantWindows.waitMs(tenant, at);
    if (convWait > 0 || tenantWait > 0) {
      const byConversation = convWait > 0;
      if (byConversation) violations.conversation++;
      else violations.tenant++;
      const waitMs = Math.max(convWait, tenantWait);
      const seconds = Number.isFinite(waitMs) ? Math.max(1, Math.ceil(waitMs / 1_000)) : 3_600;
      done(byConversation ? 'limited-conversation' : 'limited-tenant', 429);
      return respond(() =>
        send(res, 429, error('TooManyRequests', 'fake Teams: rate limit exceeded'), {
          'retry-after': String(seconds),
          'retry-after-ms': String(Number.isFinite(waitMs) ? Math.ceil(waitMs) : 3_600_000),
        }),
      );
    }

    // Then configured faults.
    if (conversation && (faults.removed.has(conversation) || faults.removed.has(r.cid ?? ''))) {
      done('removed', 403);
      return respond(() =>
        send(res, 403, error('MessageWritesBlocked', 'the bot is not part of the conversation')),
      );
    }
    if (conversation && (faults.missing.has(conversation) || faults.missing.has(r.cid ?? ''))) {
      done('missing', 404);
      return respond(() => send(res, 404, error('ConversationNotFound', 'conversation not found')));
    }
    let edge = faults.dropBeforeRate;
    if (faultDraw < edge) {
      done('drop-before', undefined);
      return respond(() => res.socket?.destroy());
    }
    if (faultDraw < (edge += faults.rate429)) {
      done('fault-429', 429);
      return respond(() =>
        send(res, 429, error('TooManyRequests', 'fake Teams: injected 429'), {
          'retry-after': '1',
        }),
      );
    }
    if (faultDraw < (edge += faults.rate5xx)) {
      const status = [502, 503, 504][Math.floor(codeDraw * 3)] ?? 503;
      done('fault-5xx', status);
      return respond(() => send(res, status, error('ServiceError', 'fake Teams: injected 5xx')));
    }
    const dropAfter = faultDraw < edge + faults.dropAfterRate;

    if (kind === 'update' && conversation) {
      const id = r.activityId ?? '';
      if (!postedIds.get(conversation)?.has(id)) {
        done('activity-not-found', 404);
        return respond(() =>
          send(res, 404, error('ActivityNotFound', `no activity ${id} in this conversation`)),
        );
      }
    }

    // Accepted.
    tenantWindows.admit(tenant, at);
    let reply: Json;
    if (kind === 'personal' || !conversation) {
      reply = { id: personalId };
    } else {
      const activityId = kind === 'update' ? (r.activityId ?? '') : String(++nextId);
      const conversationId =
        kind === 'create' ? `${conversation};messageid=${activityId}` : (r.cid ?? conversation);
      conversationWindows.admit(conversation, at);
      if (kind !== 'update') {
        let ids = postedIds.get(conversation);
        if (!ids) postedIds.set(conversation, (ids = new Set()));
        ids.add(activityId);
      }
      records.push({
        kind: kind as AcceptedKind,
        conversation,
        conversationId,
        tenant,
        at,
        activityId,
        clientRef: clientRefOf(activity),
        activity,
      });
      reply = kind === 'create' ? { id: conversationId, activityId } : { id: activityId };
    }
    if (dropAfter) {
      done('drop-after', undefined);
      return respond(() => res.socket?.destroy());
    }
    const status = kind === 'update' ? 200 : 201;
    done('accepted', status);
    respond(() => send(res, status, reply));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const posts = () => records.filter((p) => p.kind !== 'update');

  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    updates: () => records.filter((p) => p.kind === 'update'),
    accepted: () => [...records],
    postsFor: (conversation) => posts().filter((p) => p.conversation === conversation),
    countsByConversation: () => {
      const counts = new Map<string, number>();
      for (const p of posts()) counts.set(p.conversation, (counts.get(p.conversation) ?? 0) + 1);
      return counts;
    },
    duplicates: () => {
      const seen = new Set<string>();
      let dupes = 0;
      for (const { clientRef } of posts()) {
        if (clientRef === undefined) continue;
        if (seen.has(clientRef)) dupes++;
        else seen.add(clientRef);
      }
      return dupes;
    },
    violations: () => ({ ...violations }),
    requests: () => requestCount,
    log: () => [...requestLog],
    maxInAnyWindow: (conversation, ms) =>
      maxInWindow(
        records
          .filter((p) => p.conversation === conversation)
          .map((p) => p.at)
          .sort((a, b) => a - b),
        ms,
      ),
    setFaults,
    reset: () => {
      random = mulberry32(seed);
      records = [];
      requestLog = [];
      violations = { conversation: 0, tenant: 0 };
      requestCount = 0;
      postedIds = new Map();
      conversationWindows.clear();
      tenantWindows.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
