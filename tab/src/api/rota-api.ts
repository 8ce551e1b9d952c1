/**
 * The ambassador rota's calls (server/http/rota-api.ts; reminders and the daily card in
 * server/rota/rota-notices-api.ts): the coordinator's, then an ambassador's own.
 */
import type {
  AmbassadorInput,
  AmbassadorResponse,
  AssignmentChange,
  AssignmentChangeResponse,
  AskForHelpRequest,
  Availability,
  FillResult,
  MyAvailabilityResponse,
  MyRota,
  NoticeSettingsInput,
  NoticeSettingsView,
  OpenRequestsResponse,
  ReminderDayView,
  RequestResponse,
  RotaNamesResponse,
  RotaOverview,
  SettingsInput,
  SettingsResponse,
  SlotInput,
  SlotsResponse,
} from '../../../core/api/rota.js';
import { enc, query, type Request } from './request.js';

/** An optional date range (`YYYY-MM-DD`); the server's default without one. */
export interface DateRange {
  from?: string;
  to?: string;
}

export const rotaApi = (request: Request) => ({
  overview: (range: DateRange = {}) =>
    request<RotaOverview>(`/api/rota${query({ ...range })}`, { auth: true }),
  saveSettings: (body: SettingsInput) =>
    request<SettingsResponse>('/api/rota/settings', { method: 'PUT', body, auth: true }),
  saveSlots: (slots: SlotInput[]) =>
    request<SlotsResponse>('/api/rota/slots', { method: 'PUT', body: { slots }, auth: true }),
  saveAmbassador: (id: string, body: AmbassadorInput) =>
    request<AmbassadorResponse>(`/api/rota/ambassadors/${enc(id)}`, {
      method: 'PUT',
      body,
      auth: true,
    }),
  fill: () => request<FillResult>('/api/rota/fill', { method: 'POST', body: {}, auth: true }),
  changeAssignment: (body: AssignmentChange) =>
    request<AssignmentChangeResponse>('/api/rota/assignments', {
      method: 'POST',
      body,
      auth: true,
    }),
  approveRequest: (id: string, ambassadorId?: string) =>
    request<RequestResponse>(`/api/rota/requests/${enc(id)}/approve`, {
      method: 'POST',
      body: ambassadorId ? { ambassadorId } : {},
      auth: true,
    }),
  declineRequest: (id: string) =>
    request<RequestResponse>(`/api/rota/requests/${enc(id)}/decline`, {
      method: 'POST',
      body: {},
      auth: true,
    }),
  csv: (range: DateRange = {}) =>
    request<string>(`/api/rota/export.csv${query({ ...range })}`, { auth: true, text: true }),
  notices: () => request<NoticeSettingsView>('/api/rota/notices', { auth: true }),
  saveNotices: (body: NoticeSettingsInput) =>
    request<NoticeSettingsView>('/api/rota/notices', { method: 'PUT', body, auth: true }),
  /** One day's reminders (default: today, school time, as the server counts it). */
  reminders: (date?: string) =>
    request<ReminderDayView>(`/api/rota/reminders${query({ date })}`, { auth: true }),
  /** Names of the people on the rota, from the directory (Belong stores none). */
  names: () => request<RotaNamesResponse>('/api/rota/names', { auth: true }),

  // An ambassador's own.
  mine: () => request<MyRota>('/api/rota/me', { auth: true }),
  saveMyAvailability: (availability: Availability[]) =>
    request<MyAvailabilityResponse>('/api/rota/me/availability', {
      method: 'PUT',
      body: { availability },
      auth: true,
    }),
  askForHelp: (body: AskForHelpRequest) =>
    request<RequestResponse>('/api/rota/me/requests', { method: 'POST', body, auth: true }),
  cancelMyRequest: (id: string) =>
    request<RequestResponse>(`/api/rota/me/requests/${enc(id)}`, {
      method: 'DELETE',
      auth: true,
    }),
  acceptRequest: (id: string, inReturn?: { date: string; slotId: string }) =>
    request<RequestResponse>(`/api/rota/requests/${enc(id)}/accept`, {
      method: 'POST',
      body: inReturn ? { inReturn } : {},
      auth: true,
    }),
  openRequests: () => request<OpenRequestsResponse>('/api/rota/open-requests', { auth: true }),
});
export type RotaApi = ReturnType<typeof rotaApi>;
