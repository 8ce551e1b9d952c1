/**
 * Swap and cover requests, from asking to the rota changing (decision 011): an ambassador asks,
 * another accepts (first come, first served), the coordinator approves or declines, unless the
 * school turned approval off. A request is a small state machine, re-read and written with its
 * etag at every step, so of two people acting at once exactly one wins; what it does to the rota
 * (its moves, checked and written week by week) is in swap-moves.ts.
 */
import type { Access } from '../access.js';
import { BelongError } from '../errors.js';
import { loadContext, type RotaContext, type RotaServiceDeps } from './context.js';
import { rotaRefusal, type RotaProblem } from './problems.js';
import { compareIds, type Duty, type DutyCandidate } from './rota.js';
import {
  emptyWeek,
  type RotaWeek,
  type SwapEvent,
  type SwapKind,
  type SwapRequest,
} from './rota-store.js';
import {
  activeMe,
  ambassadorOnly,
  coordinatorOnly,
  dutyCandidates,
  dutyFor,
  isDutyAssignment,
  mondaysOf,
  viewOf,
} from './rules.js';
import { applyRequest, checkRequest, isApplied, movesProblems } from './swap-moves.js';
import type { OpenRequestView } from './views.js';
import { mondayOf } from '../dates.js';

// ---------------------------------------------------------------------------------------------
// Ambassadors

/** Asks for a swap or for cover on one of my duties from today on. */
export async function ask(
  deps: RotaServiceDeps,
  access: Access,
  input: { kind: SwapKind; date: string; slotId: string },
): Promise<SwapRequest> {
  ambassadorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  activeMe(ctx, access);
  dutyFor(ctx, input.date, input.slotId);
  if (input.date < ctx.today) throw rotaRefusal('conflict', ['dutyPast']);
  const week = (await deps.rotas.week(ctx.tenantId, mondayOf(input.date)))?.value;
  const onIt = week?.assignments.some(
    (a) => a.date === input.date && a.slotId === input.slotId && a.ambassadorId === access.userId,
  );
  if (!onIt) throw rotaRefusal('conflict', ['notYourDuty']);
  const existing = (await deps.rotas.requests(ctx.tenantId)).some(
    (r) =>
      r.requesterId === access.userId &&
      r.dutyDate === input.date &&
      r.slotId === input.slotId &&
      (r.status === 'open' || r.status === 'accepted'),
  );
  if (existing) throw rotaRefusal('conflict', ['requestExists']);
  const now = ctx.now.toISOString();
  const request: SwapRequest = {
    id: crypto.randomUUID(),
    kind: input.kind,
    dutyDate: input.date,
    slotId: input.slotId,
    requesterId: access.userId,
    status: 'open',
    createdAt: now,
    updatedAt: now,
    history: [{ action: 'asked', by: access.userId, at: now }],
  };
  await deps.rotas.createRequest(ctx.tenantId, request);
  return request;
}

/**
 * Takes someone's duty (cover), or swaps it for one of mine (`inReturn`). The first to accept
 * wins; anyone later is told the request is no longer open. When the school has turned
 * approval off, the rota changes at once.
 */
export async function accept(
  deps: RotaServiceDeps,
  access: Access,
  requestId: string,
  inReturn?: Duty,
): Promise<SwapRequest> {
  ambassadorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  activeMe(ctx, access);
  const stored = await deps.rotas.request(ctx.tenantId, requestId);
  if (!stored) throw rotaRefusal('notFound', ['unknownRequest']);
  const request = stored.value;
  if (request.requesterId === access.userId) throw rotaRefusal('conflict', ['ownRequest']);
  if (request.status !== 'open') throw rotaRefusal('conflict', ['requestNotOpen']);
  if (request.kind === 'cover' && inReturn) throw rotaRefusal('invalidInput', ['inReturnForCover']);
  if (request.kind === 'swap' && !inReturn) throw rotaRefusal('invalidInput', ['inReturnMissing']);
  if (inReturn) dutyFor(ctx, inReturn.date, inReturn.slotId);
  const accepted: SwapRequest = {
    ...request,
    acceptorId: access.userId,
    ...(inReturn ? { inReturn: { date: inReturn.date, slotId: inReturn.slotId } } : {}),
  };
  await checkRequest(deps, ctx, accepted);
  const now = ctx.now.toISOString();
  const auto = !(ctx.settings?.approvalRequired ?? true);
  const claimed = await transition(deps, ctx.tenantId, requestId, (cur) => {
    if (cur.status !== 'open') throw rotaRefusal('conflict', ['requestNotOpen']);
    const events: SwapEvent[] = [{ action: 'accepted', by: access.userId, at: now }];
    if (auto) events.push({ action: 'approved', at: now });
    return {
      ...cur,
      status: auto ? 'approved' : 'accepted',
      acceptorId: access.userId,
      ...(accepted.inReturn ? { inReturn: accepted.inReturn } : {}),
      acceptedAt: now,
      ...(auto ? { decidedAt: now } : {}),
      updatedAt: now,
      history: [...cur.history, ...events],
    };
  });
  if (auto) await applyOrRelease(deps, ctx, claimed.value, request);
  await tell(deps, ctx.tenantId, claimed.value);
  return claimed.value;
}

/** Withdraws my request while it is open or waiting for approval. */
export async function cancel(
  deps: RotaServiceDeps,
  access: Access,
  requestId: string,
): Promise<SwapRequest> {
  ambassadorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const now = ctx.now.toISOString();
  const done = await transition(deps, ctx.tenantId, requestId, (cur) => {
    // Someone else's request is as good as not there.
    if (cur.requesterId !== access.userId) throw rotaRefusal('notFound', ['unknownRequest']);
    if (cur.status !== 'open' && cur.status !== 'accepted')
      throw rotaRefusal('conflict', ['requestNotOpen']);
    return decided(cur, 'cancelled', access.userId, now);
  });
  return done.value;
}

/** Open requests from others that I could take now (for a swap: with what I could give back). */
export async function openRequests(
  deps: RotaServiceDeps,
  access: Access,
): Promise<OpenRequestView[]> {
  ambassadorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const me = ctx.ambassadors.get(access.userId);
  if (!me?.active || !ctx.settings) return [];
  const open = (await deps.rotas.requests(ctx.tenantId)).filter(
    (r) => r.status === 'open' && r.requesterId !== me.id && r.dutyDate >= ctx.today,
  );
  if (!open.length) return [];
  const last = [ctx.settings.endDate, ...open.map((r) => r.dutyDate)].sort().at(-1)!;
  const mondays = mondaysOf(ctx.today, last);
  const weeks = new Map((await deps.rotas.weeks(ctx.tenantId, mondays)).map((w) => [w.monday, w]));
  const weekOfDate = (date: string) => weeks.get(mondayOf(date)) ?? emptyWeek(mondayOf(date));
  const myDuties = [...weeks.values()]
    .flatMap((w) => w.assignments)
    .filter((a) => a.ambassadorId === me.id && a.date >= ctx.today && isDutyAssignment(ctx, a));
  const out: OpenRequestView[] = [];
  for (const request of open) {
    if (!ctx.slotById.has(request.slotId)) continue;
    const duty = viewOf(ctx, weekOfDate(request.dutyDate), request.dutyDate, request.slotId);
    if (request.kind === 'cover') {
      if (!movesProblems(ctx, weekOfDate, { ...request, acceptorId: me.id }).length)
        out.push({ request, duty });
      continue;
    }
    const options = myDuties
      .filter(
        (d) =>
          !movesProblems(ctx, weekOfDate, {
            ...request,
            acceptorId: me.id,
            inReturn: { date: d.date, slotId: d.slotId },
          }).length,
      )
      .map((d) => viewOf(ctx, weekOfDate(d.date), d.date, d.slotId));
    if (options.length) out.push({ request, duty, inReturnOptions: options });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The coordinator

/**
 * Approves an accepted request and applies it. With `ambassadorId` (cover only), the
 * coordinator overrides first come, first served and gives the duty to that ambassador,
 * whether or not someone had accepted it. Approving an approved request whose change never
 * reached the rota (the server stopped in between) applies it now.
 */
export async function approve(
  deps: RotaServiceDeps,
  access: Access,
  requestId: string,
  ambassadorId?: string,
): Promise<SwapRequest> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const stored = await deps.rotas.request(ctx.tenantId, requestId);
  if (!stored) throw rotaRefusal('notFound', ['unknownRequest']);
  const request = stored.value;
  const now = ctx.now.toISOString();
  if (ambassadorId !== undefined) {
    if (request.kind !== 'cover') throw rotaRefusal('invalidInput', ['overrideOnlyCover']);
    if (!ctx.ambassadors.has(ambassadorId)) throw rotaRefusal('notFound', ['unknownAmbassador']);
    if (ambassadorId === request.requesterId) throw rotaRefusal('conflict', ['alreadyOnDuty']);
  }
  const repair =
    ambassadorId === undefined &&
    request.status === 'approved' &&
    !(await isApplied(deps, ctx, request));
  if (!repair) {
    const allowed = ambassadorId === undefined ? ['accepted'] : ['open', 'accepted'];
    if (!allowed.includes(request.status))
      throw rotaRefusal('conflict', [
        request.status === 'open' ? 'requestNotAccepted' : 'requestNotOpen',
      ]);
  }
  if (repair) {
    // Each week still checks every rule, and skips itself if it already has the change.
    await applyRequest(deps, ctx, request);
    await tell(deps, ctx.tenantId, request);
    return request;
  }
  const target: SwapRequest =
    ambassadorId === undefined ? request : { ...request, acceptorId: ambassadorId };
  await checkRequest(deps, ctx, target);
  const approved = await transition(deps, ctx.tenantId, requestId, (cur) => {
    if (!(ambassadorId === undefined ? ['accepted'] : ['open', 'accepted']).includes(cur.status))
      throw rotaRefusal('conflict', ['requestNotOpen']);
    if (ambassadorId === undefined && cur.acceptorId !== request.acceptorId)
      throw rotaRefusal('conflict', ['requestNotOpen']);
    const next = decided(
      ambassadorId === undefined ? cur : withoutAcceptance(cur),
      'approved',
      access.userId,
      now,
    );
    if (ambassadorId === undefined) return next;
    return {
      ...next,
      acceptorId: ambassadorId,
      acceptedAt: now,
      history: [
        ...cur.history,
        { action: 'overridden', by: access.userId, at: now },
        { action: 'approved', by: access.userId, at: now },
      ],
    };
  });
  await applyOrRelease(deps, ctx, approved.value, stored.value);
  await tell(deps, ctx.tenantId, approved.value);
  return approved.value;
}

export async function decline(
  deps: RotaServiceDeps,
  access: Access,
  requestId: string,
): Promise<SwapRequest> {
  coordinatorOnly(access);
  const ctx = await loadContext(deps, access.tenantId);
  const now = ctx.now.toISOString();
  const done = await transition(deps, ctx.tenantId, requestId, (cur) => {
    if (cur.status !== 'open' && cur.status !== 'accepted')
      throw rotaRefusal('conflict', ['requestNotOpen']);
    return decided(cur, 'declined', access.userId, now);
  });
  await tell(deps, ctx.tenantId, done.value);
  return done.value;
}

/** Open and accepted requests from today on, and approved ones whose change is not yet in the rota. */
export async function pendingRequests(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  loaded: RotaWeek[],
): Promise<SwapRequest[]> {
  const all = await deps.rotas.requests(ctx.tenantId);
  const upcoming = all.filter((r) => r.dutyDate >= ctx.today);
  const weeks = new Map(loaded.map((w) => [w.monday, w]));
  const out: SwapRequest[] = [];
  for (const r of upcoming) {
    if (r.status === 'open' || r.status === 'accepted') out.push(r);
    else if (r.status === 'approved') {
      const monday = mondayOf(r.dutyDate);
      const week = weeks.get(monday) ?? (await deps.rotas.week(ctx.tenantId, monday))?.value;
      if (!week?.applied.includes(r.id)) out.push(r);
    }
  }
  return out.sort((a, b) => compareIds(a.dutyDate, b.dutyDate) || compareIds(a.id, b.id));
}

/**
 * An ambassador who is no longer active: their own requests are cancelled, and cover they had
 * accepted but not yet had approved goes back to being open for others.
 */
export async function settleRequestsOf(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  id: string,
  by: string,
): Promise<void> {
  const now = ctx.now.toISOString();
  for (const r of await deps.rotas.requests(ctx.tenantId)) {
    if (r.requesterId === id && (r.status === 'open' || r.status === 'accepted')) {
      await transition(deps, ctx.tenantId, r.id, (cur) => {
        if (cur.status !== 'open' && cur.status !== 'accepted') return undefined;
        return decided(cur, 'cancelled', by, now);
      });
    } else if (r.acceptorId === id && r.status === 'accepted') {
      await transition(deps, ctx.tenantId, r.id, (cur) =>
        cur.status === 'accepted' && cur.acceptorId === id
          ? released(cur, 'ambassadorInactive', now)
          : undefined,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Changing a request, and telling the people involved

/** The people involved hear about it; a message that can't be queued never undoes the change. */
async function tell(deps: RotaServiceDeps, tenantId: string, request: SwapRequest): Promise<void> {
  await deps.rotaEvents?.requestChanged(tenantId, request).catch(() => undefined);
}

/**
 * Re-reads, decides and writes a request with its etag until the write holds. `decide` may
 * throw to refuse (e.g. it is no longer open: someone else was first) or return undefined to
 * leave it as it is.
 */
async function transition(
  deps: RotaServiceDeps,
  tenantId: string,
  id: string,
  decide: (current: SwapRequest) => SwapRequest | undefined,
) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const stored = await deps.rotas.request(tenantId, id);
    if (!stored) throw rotaRefusal('notFound', ['unknownRequest']);
    const next = decide(stored.value);
    if (!next) return stored;
    const written = await deps.rotas.replaceRequest(stored, next);
    if (written) return written;
  }
  throw rotaRefusal('unavailable', ['busyTryAgain']);
}

/**
 * Applies an approved request to the rota. If the rota changed in the moment since it was
 * checked, the request goes back to how it was (`before`) and the caller hears why.
 */
async function applyOrRelease(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  request: SwapRequest,
  before: SwapRequest,
): Promise<void> {
  try {
    await applyRequest(deps, ctx, request);
  } catch (e) {
    const problems = (e instanceof BelongError && e.problems) || [];
    const reason = problems[0] ?? 'dutyChanged';
    await transition(deps, ctx.tenantId, request.id, (cur) =>
      cur.status === 'approved'
        ? {
            ...before,
            updatedAt: ctx.now.toISOString(),
            history: [...cur.history, { action: 'released', at: ctx.now.toISOString(), reason }],
          }
        : undefined,
    );
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Request states

function decided(
  request: SwapRequest,
  status: 'approved' | 'declined' | 'cancelled',
  by: string,
  now: string,
): SwapRequest {
  return {
    ...request,
    status,
    decidedAt: now,
    decidedBy: by,
    updatedAt: now,
    history: [...request.history, { action: status, by, at: now }],
  };
}

function withoutAcceptance(request: SwapRequest): SwapRequest {
  const { acceptorId: _a, acceptedAt: _b, inReturn: _c, ...rest } = request;
  return rest;
}

/** Back to open for others: the acceptor can no longer take it. */
function released(request: SwapRequest, reason: RotaProblem, now: string): SwapRequest {
  return {
    ...withoutAcceptance(request),
    status: 'open',
    updatedAt: now,
    history: [...request.history, { action: 'released', at: now, reason }],
  };
}

/**
 * For each waiting cover request: who the coordinator could give the duty to in the requester's
 * place, and what stops everyone else (the same rule approving checks). Weeks already loaded are
 * reused; others are read once.
 */
export async function coverCandidates(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  requests: readonly SwapRequest[],
  loaded: readonly RotaWeek[],
): Promise<Record<string, DutyCandidate[]>> {
  const weeks = new Map(loaded.map((w) => [w.monday, w]));
  const out: Record<string, DutyCandidate[]> = {};
  for (const r of requests) {
    if (r.kind !== 'cover' || (r.status !== 'open' && r.status !== 'accepted')) continue;
    const slot = ctx.slotById.get(r.slotId);
    if (!slot) continue;
    const monday = mondayOf(r.dutyDate);
    if (!weeks.has(monday))
      weeks.set(monday, (await deps.rotas.week(ctx.tenantId, monday))?.value ?? emptyWeek(monday));
    const others = weeks
      .get(monday)!
      .assignments.filter(
        (a) =>
          !(a.date === r.dutyDate && a.slotId === r.slotId && a.ambassadorId === r.requesterId),
      );
    out[r.id] = dutyCandidates(ctx, others, r.dutyDate, slot).filter(
      (c) => c.ambassadorId !== r.requesterId,
    );
  }
  return out;
}
