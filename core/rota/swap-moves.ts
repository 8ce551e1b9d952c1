/**
 * A swap or cover request as moves on the rota (decision 011): cover moves the requester's place
 * to the acceptor; a swap also moves one of the acceptor's duties back to the requester. Checking
 * a request is trying its moves against the rota as it is now; applying it writes them week by
 * week, each week with its etag and every hard rule checked again, so a request can never break
 * the rota however many people act at once.
 */
import type { RotaContext, RotaServiceDeps } from './context.js';
import { rotaRefusal, type RotaProblem } from './problems.js';
import type { DutyAssignment, RotaWeek, SwapRequest } from './rota-store.js';
import { addProblems, isDuty, requesterCodes, sortAssignments } from './rules.js';
import { mondayOf } from '../dates.js';

/** Refuses a request that could not be applied to the rota as it is now. */
export async function checkRequest(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  request: SwapRequest,
): Promise<void> {
  const problems: RotaProblem[] = [];
  if (request.dutyDate < ctx.today) problems.push('dutyPast');
  if (request.inReturn && request.inReturn.date < ctx.today) problems.push('dutyPast');
  if (!ctx.ambassadors.get(request.requesterId)?.active) problems.push('requesterInactive');
  if (problems.length) throw rotaRefusal('conflict', problems);
  const mondays = [...new Set(movesOf(request).map((m) => mondayOf(m.date)))];
  const weeks = new Map((await deps.rotas.weeks(ctx.tenantId, mondays)).map((w) => [w.monday, w]));
  const found = movesProblems(ctx, (d) => weeks.get(mondayOf(d))!, request);
  if (found.length) throw rotaRefusal('conflict', found);
}

export async function isApplied(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  request: SwapRequest,
): Promise<boolean> {
  for (const monday of new Set(movesOf(request).map((m) => mondayOf(m.date)))) {
    const week = (await deps.rotas.week(ctx.tenantId, monday))?.value;
    if (!week?.applied.includes(request.id)) return false;
  }
  return true;
}

/**
 * Writes the request's moves into the rota, one week at a time (each week with its etag and
 * every rule checked again). A swap across two weeks that fails in the second is undone in
 * the first. Applying twice changes nothing: each week remembers the requests it has taken.
 */
export async function applyRequest(
  deps: RotaServiceDeps,
  ctx: RotaContext,
  request: SwapRequest,
): Promise<void> {
  const moves = movesOf(request);
  const mondays = [...new Set(moves.map((m) => mondayOf(m.date)))].sort();
  const done: { monday: string; removed: DutyAssignment[] }[] = [];
  const by = request.acceptorId!;
  const at = ctx.now.toISOString();
  try {
    for (const monday of mondays) {
      let removed: DutyAssignment[] | undefined;
      await deps.rotas.updateWeek(ctx.tenantId, monday, (week) => {
        removed = undefined;
        if (week.applied.includes(request.id)) return undefined;
        const result = applyMoves(
          ctx,
          week,
          moves.filter((m) => mondayOf(m.date) === monday),
          { requestId: request.id, by, at },
        );
        if (result.problems.length) throw rotaRefusal('conflict', result.problems);
        removed = result.removed;
        return result.week;
      });
      if (removed) done.push({ monday, removed });
    }
  } catch (e) {
    for (const { monday, removed } of done) {
      await deps.rotas.updateWeek(ctx.tenantId, monday, (week) => ({
        ...week,
        assignments: sortAssignments([
          ...week.assignments.filter((a) => a.requestId !== request.id),
          ...removed,
        ]),
        applied: week.applied.filter((id) => id !== request.id),
      }));
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests as moves on the rota

interface Move {
  date: string;
  slotId: string;
  from: string;
  to: string;
  /** Who is added: the acceptor, or (a swap's return leg) the requester. */
  party: 'acceptor' | 'requester';
}

/** Cover: the acceptor takes the requester's place. Swap: and the requester takes theirs back. */
function movesOf(request: SwapRequest): Move[] {
  const acceptor = request.acceptorId!;
  const moves: Move[] = [
    {
      date: request.dutyDate,
      slotId: request.slotId,
      from: request.requesterId,
      to: acceptor,
      party: 'acceptor',
    },
  ];
  if (request.kind === 'swap' && request.inReturn) {
    moves.push({
      date: request.inReturn.date,
      slotId: request.inReturn.slotId,
      from: acceptor,
      to: request.requesterId,
      party: 'requester',
    });
  }
  return moves;
}

/** Applies moves to one week: removals first (each must still be there), then additions. */
function applyMoves(
  ctx: RotaContext,
  week: RotaWeek,
  moves: Move[],
  made: { requestId: string; by: string; at: string },
): { week: RotaWeek; removed: DutyAssignment[]; problems: RotaProblem[] } {
  const problems: RotaProblem[] = [];
  let assignments = [...week.assignments];
  const removed: DutyAssignment[] = [];
  for (const m of moves) {
    const found = assignments.find(
      (a) => a.date === m.date && a.slotId === m.slotId && a.ambassadorId === m.from,
    );
    const slot = ctx.slotById.get(m.slotId);
    if (!found || !slot || !isDuty(ctx, m.date, slot)) {
      problems.push(m.party === 'acceptor' ? 'dutyChanged' : 'inReturnChanged');
      continue;
    }
    removed.push(found);
    assignments = assignments.filter((a) => a !== found);
  }
  if (problems.length) return { week, removed, problems };
  for (const m of moves) {
    const slot = ctx.slotById.get(m.slotId)!;
    const who = ctx.ambassadors.get(m.to);
    const found: RotaProblem[] = who
      ? addProblems(ctx, assignments, m.date, slot, who).map((p) =>
          m.party === 'requester' ? requesterCodes[p] : p,
        )
      : [m.party === 'requester' ? 'requesterInactive' : 'ambassadorInactive'];
    problems.push(...found);
    assignments.push({
      date: m.date,
      slotId: m.slotId,
      ambassadorId: m.to,
      locked: true,
      source: 'request',
      by: made.by,
      at: made.at,
      requestId: made.requestId,
    });
  }
  return {
    week: {
      ...week,
      assignments: sortAssignments(assignments),
      applied: [...week.applied, made.requestId],
    },
    removed,
    problems,
  };
}

/** What stands in the way of a request's moves, given a way to find the week of a date. */
export function movesProblems(
  ctx: RotaContext,
  weekOfDate: (date: string) => RotaWeek,
  request: SwapRequest,
): RotaProblem[] {
  const moves = movesOf(request);
  if (request.kind === 'swap' && request.inReturn) {
    // The acceptor must be on the duty they offer.
    const back = request.inReturn;
    const theirs = weekOfDate(back.date).assignments.some(
      (a) =>
        a.date === back.date && a.slotId === back.slotId && a.ambassadorId === request.acceptorId,
    );
    if (!theirs) return ['inReturnNotYours'];
  }
  const problems: RotaProblem[] = [];
  for (const monday of new Set(moves.map((m) => mondayOf(m.date)))) {
    const week = weekOfDate(monday);
    const inWeek = moves.filter((m) => mondayOf(m.date) === monday);
    problems.push(
      ...applyMoves(ctx, week, inWeek, { requestId: request.id, by: '', at: '' }).problems,
    );
  }
  return [...new Set(problems)];
}
