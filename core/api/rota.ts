/**
 * Shapes of the rota API (server/http/rota-api.ts and server/rota/rota-notices-api.ts): the
 * coordinator's rota, settings, slots, ambassadors, auto-fill and requests; reminders and the
 * daily card; and an ambassador's own duties, availability and swap/cover requests. Shared by
 * the server (each answer `satisfies` one of these) and the tab (type-only imports, so none of
 * core's code reaches the bundle).
 */
import type {
  Availability,
  DutyCandidate,
  RotaSlot,
  ShortDuty,
  UnfilledDuty,
  WeekAB,
  Weekday,
} from '../rota/rota.js';
import type {
  AmbassadorInput,
  AssignmentChange,
  DateView,
  DutyView,
  FillResult,
  MyDuty,
  MyRota,
  OpenRequestView,
  RotaOverview,
  RotaWarning,
  SettingsInput,
  SlotInput,
} from '../rota/views.js';
import type {
  AmbassadorRecord,
  DutyAssignment,
  RotaSettings,
  SwapKind,
  SwapRequest,
  SwapStatus,
} from '../rota/rota-store.js';
import type {
  NoticeSettingsInput,
  NoticeSettingsView,
  ReminderDayView,
} from '../rota/rota-notice-service.js';
import type { ReminderRecord, ReminderSkip } from '../rota/rota-notices.js';

export type {
  AmbassadorInput,
  AmbassadorRecord,
  AssignmentChange,
  Availability,
  DateView,
  DutyAssignment,
  DutyCandidate,
  DutyView,
  FillResult,
  MyDuty,
  MyRota,
  NoticeSettingsInput,
  NoticeSettingsView,
  OpenRequestView,
  ReminderDayView,
  ReminderRecord,
  ReminderSkip,
  RotaOverview,
  RotaSettings,
  RotaSlot,
  RotaWarning,
  SettingsInput,
  ShortDuty,
  SlotInput,
  SwapKind,
  SwapRequest,
  SwapStatus,
  UnfilledDuty,
  WeekAB,
  Weekday,
};

/** `POST /api/rota/assignments`. */
export interface AssignmentChangeResponse {
  duty: { date: string; slotId: string; assignments: DutyAssignment[] } | null;
  removed: number;
}
/** `PUT /api/rota/settings`. */
export interface SettingsResponse {
  settings: RotaSettings;
  removed: number;
}
/** `PUT /api/rota/slots`. */
export interface SlotsRequest {
  slots: SlotInput[];
}
export interface SlotsResponse {
  slots: RotaSlot[];
  removed: number;
}
/** `PUT /api/rota/ambassadors/:id`. */
export interface AmbassadorResponse {
  ambassador: AmbassadorRecord;
  removedDuties: { date: string; slotId: string }[];
}
/** Any change to one swap or cover request (ask, cancel, accept, approve, decline). */
export interface RequestResponse {
  request: SwapRequest;
}
/** `POST /api/rota/me/requests`. */
export interface AskForHelpRequest {
  kind: SwapKind;
  date: string;
  slotId: string;
}
/** `POST /api/rota/requests/:id/accept`: a swap offers a duty in return. */
export interface AcceptRequestBody {
  inReturn?: { date: string; slotId: string };
}
/** `POST /api/rota/requests/:id/approve`: the coordinator may name who covers. */
export interface ApproveRequestBody {
  ambassadorId?: string;
}
/** `GET /api/rota/open-requests`. */
export interface OpenRequestsResponse {
  requests: OpenRequestView[];
}
/** `PUT /api/rota/me/availability`. */
export interface MyAvailabilityRequest {
  availability: Availability[];
}
export interface MyAvailabilityResponse {
  ambassador: AmbassadorRecord;
}
/** `GET /api/rota/names`: names of the people on the rota, from the directory (Belong stores none). */
export interface RotaNamesResponse {
  names: Record<string, string>;
}
