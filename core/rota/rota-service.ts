/**
 * What the ambassador coordinator and the wellbeing ambassadors do with the rota, as one object
 * that the tab API, the bot and the workers share, so all of them apply the same rules and the
 * same permissions. Each method only hands its dependencies to the file that does the work:
 * coordinator.ts (building the rota), fill.ts (auto-fill), swaps.ts (swap and cover requests),
 * ambassador.ts (what ambassadors see and set). The rules they share are in rules.ts, the
 * refusals in problems.ts, the shapes in views.ts.
 */
import type { Access } from '../access.js';
import * as ambassador from './ambassador.js';
import type { RotaServiceDeps } from './context.js';
import * as coordinator from './coordinator.js';
import { fill } from './fill.js';
import type { Availability, Duty, RotaSlot } from './rota.js';
import type {
  AmbassadorRecord,
  DutyAssignment,
  RotaSettings,
  SwapKind,
  SwapRequest,
} from './rota-store.js';
import * as swaps from './swaps.js';
import type {
  AmbassadorInput,
  AssignmentChange,
  DutyView,
  ExportRow,
  FillResult,
  MyRota,
  OpenRequestView,
  RotaOverview,
  SettingsInput,
  SlotInput,
} from './views.js';

export type { RotaServiceDeps };

export class RotaService {
  constructor(private readonly deps: RotaServiceDeps) {}

  // -------------------------------------------------------------------------------------------
  // Coordinator

  /** Everything for the week grid, for dates `from`–`to` (default: the opening week, rules.ts). */
  overview(access: Access, from?: string, to?: string): Promise<RotaOverview> {
    return coordinator.overview(this.deps, access, from, to);
  }

  setSettings(
    access: Access,
    input: SettingsInput,
  ): Promise<{ settings: RotaSettings; removed: number }> {
    return coordinator.setSettings(this.deps, access, input);
  }

  /** Replaces every slot. Future assignments on slots that went (or no longer fit) are removed. */
  setSlots(access: Access, input: SlotInput[]): Promise<{ slots: RotaSlot[]; removed: number }> {
    return coordinator.setSlots(this.deps, access, input);
  }

  /**
   * Adds or changes an ambassador. Deactivating one takes them off every duty from today on,
   * cancels their requests and gives back the cover they had accepted but not yet had approved.
   */
  upsertAmbassador(
    access: Access,
    id: string,
    input: AmbassadorInput,
  ): Promise<{ ambassador: AmbassadorRecord; removedDuties: Duty[] }> {
    return coordinator.upsertAmbassador(this.deps, access, id, input);
  }

  /** Fills every duty after today, keeping locked assignments; today and the past stay as they are. */
  fill(access: Access): Promise<FillResult> {
    return fill(this.deps, access);
  }

  /** Hand assignment, lock, unlock and clear. Each keeps every hard rule of the rota. */
  changeAssignment(
    access: Access,
    change: AssignmentChange,
  ): Promise<{
    duty: { date: string; slotId: string; assignments: DutyAssignment[] } | null;
    removed: number;
  }> {
    return coordinator.changeAssignment(this.deps, access, change);
  }

  /**
   * Approves an accepted request and applies it; with `ambassadorId` (cover only), gives the
   * duty to that ambassador instead of whoever accepted first.
   */
  approve(access: Access, requestId: string, ambassadorId?: string): Promise<SwapRequest> {
    return swaps.approve(this.deps, access, requestId, ambassadorId);
  }

  decline(access: Access, requestId: string): Promise<SwapRequest> {
    return swaps.decline(this.deps, access, requestId);
  }

  /** The duties of a date range, for the coordinator's CSV export. */
  exportRows(access: Access, from?: string, to?: string): Promise<ExportRow[]> {
    return coordinator.exportRows(this.deps, access, from, to);
  }

  // -------------------------------------------------------------------------------------------
  // Ambassadors

  /** My duties from `from` (default today) to `to` (default the rota's end), and my requests. */
  myRota(access: Access, from?: string, to?: string): Promise<MyRota> {
    return ambassador.myRota(this.deps, access, from, to);
  }

  setMyAvailability(access: Access, availability: Availability[]): Promise<AmbassadorRecord> {
    return ambassador.setMyAvailability(this.deps, access, availability);
  }

  /** Asks for a swap or for cover on one of my duties from today on. */
  ask(
    access: Access,
    input: { kind: SwapKind; date: string; slotId: string },
  ): Promise<SwapRequest> {
    return swaps.ask(this.deps, access, input);
  }

  /** Takes someone's duty (cover), or swaps it for one of mine (`inReturn`): first to accept wins. */
  accept(access: Access, requestId: string, inReturn?: Duty): Promise<SwapRequest> {
    return swaps.accept(this.deps, access, requestId, inReturn);
  }

  /** Withdraws my request while it is open or waiting for approval. */
  cancel(access: Access, requestId: string): Promise<SwapRequest> {
    return swaps.cancel(this.deps, access, requestId);
  }

  /** Open requests from others that I could take now (for a swap: with what I could give back). */
  openRequests(access: Access): Promise<OpenRequestView[]> {
    return swaps.openRequests(this.deps, access);
  }

  /**
   * The ids of everyone on the rota (active or not), so the tab can name them: for the
   * coordinator's grid and an ambassador's "who with". Names come from the directory, not here.
   */
  async peopleIds(tenantId: string): Promise<string[]> {
    return (await this.deps.rotas.ambassadors(tenantId)).map((a) => a.id);
  }

  // -------------------------------------------------------------------------------------------
  // For the bot and workers

  /** Who is on duty on a date (default: today, school time): for the on-duty card and buddy requests. */
  onDuty(tenantId: string, date?: string): Promise<{ date: string; duties: DutyView[] }> {
    return ambassador.onDuty(this.deps, tenantId, date);
  }
}
