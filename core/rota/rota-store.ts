/**
 * Where a school's rota lives (decision 011): table `rotas`, four partitions per school.
 *
 * | partition     | rows                                                              |
 * | ------------- | ----------------------------------------------------------------- |
 * | `settings`    | `rota` (date range, A/B, weekly maximum, approval), `slots`        |
 * | `ambassadors` | one per ambassador, keyed by Entra object id                       |
 * | `weeks`       | one per Monday-to-Sunday week, keyed by its Monday: that week's    |
 * |               | assignments (every hard rule of the rota lives inside one week)    |
 * | `requests`    | one per swap or cover request                                      |
 *
 * A week is the unit of consistency: hand assignments, accepted requests and fills write a week
 * with its etag, so two people can never together break "one place at a time" or the weekly
 * maximum. A request is its own row, written with its etag, so the first to accept it wins.
 */
import { isLostRace } from '../errors.js';
import type { Stored, TableStore } from '../ports/table-store.js';
import { updateEntity } from '../stores/update.js';
import type { Ambassador, Assignment, Duty, RotaSlot } from './rota.js';

export interface RotaSettings extends Record<string, unknown> {
  /** First and last date of the rota (a half term or a term), both included. */
  startDate: string;
  endDate: string;
  /** A two-week timetable: the week containing `startDate` is week A. */
  weekAB: boolean;
  /** Most duties one ambassador does in one Monday-to-Sunday week. */
  maxPerWeek: number;
  /** Accepted swaps and cover wait for the coordinator (default); otherwise they apply at once. */
  approvalRequired: boolean;
  updatedAt: string;
  updatedBy: string;
}

export interface RotaSlots extends Record<string, unknown> {
  slots: RotaSlot[];
  updatedAt: string;
  updatedBy: string;
}

/** An ambassador as the coordinator keeps them. No name: the directory has that. */
export interface AmbassadorRecord extends Ambassador, Record<string, unknown> {
  updatedAt: string;
  updatedBy: string;
}

/** One ambassador on one duty, and how they got there. */
export interface DutyAssignment extends Assignment {
  /** Kept as it is by a re-fill. Hand assignments and agreed swaps/cover are locked. */
  locked: boolean;
  source: 'fill' | 'hand' | 'request';
  /** Who made it (the coordinator, or the ambassador whose request it came from). */
  by: string;
  at: string;
  /** The swap or cover request that put them here. */
  requestId?: string;
}

/** One week of a rota's assignments. */
export interface RotaWeek extends Record<string, unknown> {
  /** The week's Monday; also its row key. */
  monday: string;
  assignments: DutyAssignment[];
  /** Requests already applied to this week, so applying one again changes nothing. */
  applied: string[];
}

export const swapKinds = ['swap', 'cover'] as const;
export type SwapKind = (typeof swapKinds)[number];
export type SwapStatus = 'open' | 'accepted' | 'approved' | 'declined' | 'cancelled';

/** What happened to a request, by whom and when. */
export interface SwapEvent {
  action: 'asked' | 'accepted' | 'approved' | 'declined' | 'cancelled' | 'released' | 'overridden';
  at: string;
  /** Absent when Belong did it (approval is off, or a re-check undid an acceptance). */
  by?: string;
  /** A problem code, when Belong released an acceptance because the rota had changed. */
  reason?: string;
}

/**
 * An ambassador asks someone to take one of their duties. `cover`: the acceptor just takes it.
 * `swap`: the acceptor takes it and gives the requester one of their own duties (`inReturn`).
 */
export interface SwapRequest extends Record<string, unknown> {
  id: string;
  kind: SwapKind;
  dutyDate: string;
  slotId: string;
  requesterId: string;
  acceptorId?: string;
  /** For a swap: the acceptor's duty the requester takes in return. */
  inReturn?: Duty;
  status: SwapStatus;
  createdAt: string;
  updatedAt: string;
  acceptedAt?: string;
  /** When it was approved, declined or cancelled, and by whom (absent: automatically). */
  decidedAt?: string;
  decidedBy?: string;
  history: SwapEvent[];
}

const table = 'rotas';
const settingsKey = (tenantId: string, row: 'rota' | 'slots') => ({
  tenantId,
  partition: 'settings',
  row,
});

export class RotaStore {
  constructor(private readonly store: TableStore) {}

  async settings(tenantId: string): Promise<RotaSettings | undefined> {
    return (await this.store.get<RotaSettings>(table, settingsKey(tenantId, 'rota')))?.value;
  }

  async putSettings(tenantId: string, settings: RotaSettings): Promise<void> {
    await this.store.upsert(table, settingsKey(tenantId, 'rota'), settings);
  }

  async slots(tenantId: string): Promise<RotaSlot[]> {
    return (
      (await this.store.get<RotaSlots>(table, settingsKey(tenantId, 'slots')))?.value.slots ?? []
    );
  }

  async putSlots(tenantId: string, slots: RotaSlots): Promise<void> {
    await this.store.upsert(table, settingsKey(tenantId, 'slots'), slots);
  }

  async ambassadors(tenantId: string): Promise<AmbassadorRecord[]> {
    return (await this.store.list<AmbassadorRecord>(table, tenantId, 'ambassadors')).map(
      (s) => s.value,
    );
  }

  async ambassador(tenantId: string, id: string): Promise<AmbassadorRecord | undefined> {
    return (
      await this.store.get<AmbassadorRecord>(table, { tenantId, partition: 'ambassadors', row: id })
    )?.value;
  }

  /** Read–modify–write of one ambassador; `change` gets undefined for a new one. */
  async updateAmbassador(
    tenantId: string,
    id: string,
    change: (current: AmbassadorRecord | undefined) => AmbassadorRecord | undefined,
  ): Promise<AmbassadorRecord | undefined> {
    return updateEntity(this.store, table, { tenantId, partition: 'ambassadors', row: id }, change);
  }

  async week(tenantId: string, monday: string): Promise<Stored<RotaWeek> | undefined> {
    return this.store.get<RotaWeek>(table, weekKey(tenantId, monday));
  }

  /** The weeks starting on these Mondays, in the same order (an empty week where none is stored). */
  async weeks(tenantId: string, mondays: readonly string[]): Promise<RotaWeek[]> {
    const found = await Promise.all(mondays.map((m) => this.week(tenantId, m)));
    return found.map((w, i) => w?.value ?? emptyWeek(mondays[i]!));
  }

  /** Every stored week, oldest first. */
  async allWeeks(tenantId: string): Promise<Stored<RotaWeek>[]> {
    return this.store.list<RotaWeek>(table, tenantId, 'weeks');
  }

  /**
   * Read–modify–write of one week, retried when someone else wrote it meanwhile. `change` sees the
   * week as it now is (empty if none is stored) and returns the new week, or undefined to leave it;
   * it may throw to refuse, and then nothing is written.
   */
  async updateWeek(
    tenantId: string,
    monday: string,
    change: (current: RotaWeek) => RotaWeek | undefined,
  ): Promise<RotaWeek> {
    const result = await updateEntity<RotaWeek>(this.store, table, weekKey(tenantId, monday), (w) =>
      change(w ?? emptyWeek(monday)),
    );
    return result ?? emptyWeek(monday);
  }

  /**
   * Writes a week only if it is still as it was read (`etag`; none = it didn't exist). Returns
   * false when someone else wrote it first, so a fill can start again from what is there now.
   */
  async writeWeekIfUnchanged(
    tenantId: string,
    week: RotaWeek,
    etag: string | undefined,
  ): Promise<boolean> {
    const key = weekKey(tenantId, week.monday);
    try {
      if (etag) await this.store.replace(table, key, week, etag);
      else await this.store.insert(table, key, week);
      return true;
    } catch (e) {
      if (isLostRace(e)) return false;
      throw e;
    }
  }

  async request(tenantId: string, id: string): Promise<Stored<SwapRequest> | undefined> {
    return this.store.get<SwapRequest>(table, requestKey(tenantId, id));
  }

  async requests(tenantId: string): Promise<SwapRequest[]> {
    return (await this.store.list<SwapRequest>(table, tenantId, 'requests')).map((s) => s.value);
  }

  async createRequest(tenantId: string, request: SwapRequest): Promise<void> {
    await this.store.insert(table, requestKey(tenantId, request.id), request);
  }

  /**
   * Replaces a request only if nobody changed it since it was read. Returns the stored new
   * version, or undefined when someone else got there first (re-read and decide again).
   */
  async replaceRequest(
    stored: Stored<SwapRequest>,
    next: SwapRequest,
  ): Promise<Stored<SwapRequest> | undefined> {
    try {
      const etag = await this.store.replace(table, stored.key, next, stored.etag);
      return { key: stored.key, value: next, etag };
    } catch (e) {
      if (isLostRace(e)) return undefined;
      throw e;
    }
  }
}

const weekKey = (tenantId: string, monday: string) => ({
  tenantId,
  partition: 'weeks',
  row: monday,
});
const requestKey = (tenantId: string, id: string) => ({ tenantId, partition: 'requests', row: id });

export const emptyWeek = (monday: string): RotaWeek => ({ monday, assignments: [], applied: [] });
