/**
 * Connect's calls (server/http/connect-api.ts): prompts, CMHW weeks, a class's schedules, a
 * post's delivery progress, the school calendar and the CMHW plan for many classes.
 */
import type {
  CalendarResponse,
  CancelScheduleResponse,
  CmhwPlanRequest,
  CmhwPlanResponse,
  CmhwResponse,
  CreateScheduleRequest,
  CreateScheduleResponse,
  OccurrenceResponse,
  PromptsResponse,
  SaveCalendarResponse,
  SchedulesResponse,
  SchoolCalendarBody,
} from '../../../core/api/connect.js';
import { enc, type Request } from './request.js';

export const connectApi = (request: Request) => ({
  prompts: () => request<PromptsResponse>('/api/prompts', { auth: true }),
  cmhw: () => request<CmhwResponse>('/api/cmhw', { auth: true }),
  schedules: (teamId: string) =>
    request<SchedulesResponse>(`/api/teams/${enc(teamId)}/schedules`, { auth: true }),
  createSchedule: (teamId: string, body: CreateScheduleRequest) =>
    request<CreateScheduleResponse>(`/api/teams/${enc(teamId)}/schedules`, {
      method: 'POST',
      body,
      auth: true,
    }),
  updateSchedule: (teamId: string, scheduleId: string, body: CreateScheduleRequest) =>
    request<CreateScheduleResponse>(`/api/teams/${enc(teamId)}/schedules/${enc(scheduleId)}`, {
      method: 'PUT',
      body,
      auth: true,
    }),
  cancelSchedule: (teamId: string, scheduleId: string) =>
    request<CancelScheduleResponse>(`/api/teams/${enc(teamId)}/schedules/${enc(scheduleId)}`, {
      method: 'DELETE',
      auth: true,
    }),
  occurrence: (occurrenceId: string) =>
    request<OccurrenceResponse>(`/api/occurrences/${enc(occurrenceId)}`, { auth: true }),
  calendar: () => request<CalendarResponse>('/api/school/calendar', { auth: true }),
  saveCalendar: (body: SchoolCalendarBody) =>
    request<SaveCalendarResponse>('/api/school/calendar', { method: 'PUT', body, auth: true }),
  planCmhw: (body: CmhwPlanRequest) =>
    request<CmhwPlanResponse>('/api/school/cmhw-plan', { method: 'POST', body, auth: true }),
});
export type ConnectApi = ReturnType<typeof connectApi>;
