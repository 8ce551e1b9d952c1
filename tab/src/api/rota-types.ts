/**
 * Shapes of the rota API (server/http/rota-api.ts) as the tab reads them. The domain types come
 * from core as type-only imports, so none of core's code reaches the bundle.
 */
import type {
  Availability,
  DutyCandidate,
  RotaSlot,
  ShortDuty,
  UnfilledDuty,
  WeekAB,
  Weekday,
} from '../../../core/rota/rota.js';
import type {
  AmbassadorInput,
  AssignmentChange,
  DateView,
  FillResult,
  MyDuty,
  MyRota,
  OpenRequestView,
  RotaOverview,
  RotaWarning,
  SettingsInput,
  SlotInput,
  DutyView,
} from '../../../core/rota/views.js';
import type {
  AmbassadorRecord,
  DutyAssignment,
  RotaSettings,
  SwapKind,
  SwapRequest,
  SwapStatus,
} from '../../../core/rota/rota-store.js';
import type {
  NoticeSettingsInput,
  NoticeSettingsView,
  ReminderDayView,
} from '../../../core/rota/rota-notice-service.js';
import type { ReminderRecord, ReminderSkip } from '../../../core/rota/rota-notices.js';

export type {
  AmbassadorInput,
  AmbassadorRecord,
  AssignmentChange,
  Availability,
  DateView,
  DutyAssignment,
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
  SlotInput,
  SwapKind,
  SwapRequest,
  SwapStatus,
  DutyCandidate,
  ShortDuty,
  UnfilledDuty,
  WeekAB,
  Weekday,
};

export interface AssignmentChangeResponse {
  duty: { date: string; slotId: string; assignments: DutyAssignment[] } | null;
  removed: number;
}
export interface SettingsResponse {
  settings: RotaSettings;
  removed: number;
}
export interface SlotsResponse {
  slots: RotaSlot[];
  removed: number;
}
export interface AmbassadorResponse {
  ambassador: AmbassadorRecord;
  removedDuties: { date: string; slotId: string }[];
}
export interface RequestResponse {
  request: SwapRequest;
}
export interface OpenRequestsResponse {
  requests: OpenRequestView[];
}
export interface MyAvailabilityResponse {
  ambassador: AmbassadorRecord;
}
