/**
 * Check-ins' calls (server/http/checkin-api.ts): a class's (post, recent, trends), a pupil's own,
 * and the wellbeing lead's school view and the check-in settings (lead and admin).
 */
import type {
  CheckinSettingsBody,
  ClassCheckinsResponse,
  ClassTrendsResponse,
  MyCheckinsResponse,
  PeriodKind,
  PostCheckinRequest,
  PostCheckinResponse,
  SchoolTrendsResponse,
} from '../../../core/api/checkins.js';
import { enc, query, type Request } from './request.js';

const trendsQuery = (question: string, period: PeriodKind) => query({ question, period });

export const checkinsApi = (request: Request) => ({
  post: (teamId: string, body: PostCheckinRequest) =>
    request<PostCheckinResponse>(`/api/teams/${enc(teamId)}/checkins`, {
      method: 'POST',
      body,
      auth: true,
    }),
  forClass: (teamId: string) =>
    request<ClassCheckinsResponse>(`/api/teams/${enc(teamId)}/checkins`, { auth: true }),
  classTrends: (teamId: string) =>
    request<ClassTrendsResponse>(`/api/teams/${enc(teamId)}/checkins/trends`, { auth: true }),
  mine: () => request<MyCheckinsResponse>('/api/me/checkins', { auth: true }),

  schoolTrends: (question: string, period: PeriodKind) =>
    request<SchoolTrendsResponse>(`/api/school/checkins/trends${trendsQuery(question, period)}`, {
      auth: true,
    }),
  schoolTrendsCsv: (question: string, period: PeriodKind) =>
    request<string>(`/api/school/checkins/trends.csv${trendsQuery(question, period)}`, {
      auth: true,
      text: true,
    }),
  settings: () => request<CheckinSettingsBody>('/api/school/checkin-settings', { auth: true }),
  saveSettings: (body: CheckinSettingsBody) =>
    request<CheckinSettingsBody>('/api/school/checkin-settings', {
      method: 'PUT',
      body,
      auth: true,
    }),
});
export type CheckinsApi = ReturnType<typeof checkinsApi>;
