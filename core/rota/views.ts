/**
 * The shapes the rota service takes in and gives back: what the tab sends and reads, the bot's
 * on-duty card, the CSV export. Types only, so the tab can import them (type-only) without any of
 * core's code reaching its bundle; the stored shapes are in rota-store.ts.
 */
import type {
  Assignment,
  Availability,
  Duty,
  DutyCandidate,
  RotaSlot,
  ShortDuty,
  UnfilledDuty,
  WeekAB,
} from './rota.js';
import type { AmbassadorRecord, DutyAssignment, RotaSettings, SwapRequest } from './rota-store.js';

export interface SettingsInput {
  startDate: string;
  endDate: string;
  weekAB: boolean;
  maxPerWeek: number;
  /** Default true. */
  approvalRequired?: boolean;
}

export interface SlotInput extends Omit<RotaSlot, 'id'> {
  /** Kept when given (so assignments stay on it); a new slot gets one. */
  id?: string;
}

export interface AmbassadorInput {
  yearGroup: number;
  trainedOn: string;
  active: boolean;
  availability: Availability[];
}

export type AssignmentChange =
  | { action: 'assign'; date: string; slotId: string; ambassadorId: string; locked?: boolean }
  | { action: 'lock' | 'unlock'; date: string; slotId: string; ambassadorId: string }
  /** Without an ambassador: everyone on the duty. */
  | { action: 'clear'; date: string; slotId: string; ambassadorId?: string }
  /** Every unlocked assignment after today in the range. */
  | { action: 'clearRange'; from: string; to: string };

export interface DateView {
  date: string;
  weekday: number;
  /** Week A or B, in a rota with A/B weeks. */
  week?: WeekAB;
  schoolDay: boolean;
  /** Inside the rota's dates and a school day. */
  inRota: boolean;
}

export type WarningKind = 'notADuty' | 'inactive' | 'unavailable' | 'clash' | 'overMaximum';
export interface RotaWarning extends Assignment {
  kind: WarningKind;
}

export interface RotaOverview {
  today: string;
  settings: RotaSettings | null;
  slots: RotaSlot[];
  ambassadors: AmbassadorRecord[];
  from: string;
  to: string;
  dates: DateView[];
  assignments: DutyAssignment[];
  /** Duties from today on that need more ambassadors: why, and who could be added. */
  unfilled: ShortDuty[];
  /** Assignments from today on that break a rule now (availability or dates changed since). */
  warnings: RotaWarning[];
  /** Requests waiting: open (cover needed), accepted (to approve), approved but not applied. */
  requests: SwapRequest[];
  /**
   * For each waiting cover request (by id): who the coordinator could give the duty to instead
   * of the requester, and what stops the others.
   */
  coverCandidates: Record<string, DutyCandidate[]>;
  /** Duties per ambassador in the range. */
  loads: Record<string, number>;
}

/** How a fill went; auto-fill works these out and the tab shows them. */
export interface AutofillStats {
  /** Most-loaded minus least-loaded active ambassador. */
  maxMinGap: number;
  /** Places filled (locked included) out of places needed. */
  filled: number;
  needed: number;
  /**
   * Pairs of one ambassador's duties on the same school day or on consecutive school days (Friday
   * and Monday count; days either side of a longer holiday don't).
   */
  closePairs: number;
  /** Pairs of ambassadors from the same year group on one duty. */
  sameYearPairs: number;
}

export interface FillResult {
  from: string;
  to: string;
  assignments: DutyAssignment[];
  unfilled: UnfilledDuty[];
  stats: AutofillStats;
  /** Future assignments that were no longer duties (slot or dates changed) and were removed. */
  dropped: number;
}

export interface DutyView extends Duty {
  weekday: number;
  week?: WeekAB;
  periodId: string;
  placeId: string;
  supervisingAdult: string;
  ambassadorIds: string[];
}

export interface MyDuty extends DutyView {
  /** The other ambassadors on the duty. */
  with: string[];
  locked: boolean;
  /** My open or accepted request about this duty. */
  requestId?: string;
}

export interface MyRota {
  onRota: boolean;
  today: string;
  ambassador: AmbassadorRecord | null;
  settings: Pick<
    RotaSettings,
    'startDate' | 'endDate' | 'weekAB' | 'maxPerWeek' | 'approvalRequired'
  > | null;
  /** Periods the coordinator uses in slots, for the availability editor. */
  periods: string[];
  duties: MyDuty[];
  /** Requests I made or accepted, about duties from today on. */
  requests: SwapRequest[];
}

export interface OpenRequestView {
  request: SwapRequest;
  duty: DutyView;
  /** For a swap: my duties the requester could take in return. */
  inReturnOptions?: DutyView[];
}

export interface ExportRow {
  date: string;
  weekday: number;
  week?: WeekAB;
  periodId: string;
  placeId: string;
  supervisingAdult: string;
  ambassadorId: string;
  yearGroup?: number;
  locked: boolean;
}
