import type {
  ApiError,
  ClassTeamView,
  ClientConfigResponse,
  DevTokenRequest,
  DevTokenResponse,
  HealthResponse,
  MeResponse,
  PersonasResponse,
  TeamsResponse,
} from '../../../core/api.js';
import type {
  CalendarResponse,
  CancelScheduleResponse,
  CmhwPlanRequest,
  CmhwPlanResponse,
  CmhwResponse,
  CreateScheduleRequest,
  CreateScheduleResponse,
  OccurrenceProgress,
  PromptsResponse,
  SchedulesResponse,
  SchoolCalendarBody,
} from './connect-types.js';
import type {
  AmbassadorInput,
  AmbassadorResponse,
  AssignmentChange,
  AssignmentChangeResponse,
  Availability,
  FillResult,
  MyAvailabilityResponse,
  MyRota,
  NoticeSettingsInput,
  NoticeSettingsView,
  OpenRequestsResponse,
  ReminderDayView,
  RequestResponse,
  RotaOverview,
  SettingsInput,
  SettingsResponse,
  SlotInput,
  SlotsResponse,
  SwapKind,
} from './rota-types.js';
import type {
  ClassCheckinsResponse,
  ClassTrendsResponse,
  MyCheckinsResponse,
  PostCheckinRequest,
  PostCheckinResponse,
} from '../views/checkins/checkin-types.js';
import type {
  AuditResponse,
  PeopleResponse,
  ReadinessResponse,
  SchoolRolesResponse,
  SetRolesResponse,
} from '../../../core/api/roles.js';
import type { SchoolRole } from '../../../core/roles.js';
import type { SchoolTrendsResponse } from '../../../core/checkin/trends-service.js';
import type { PeriodKind } from '../../../core/checkin/trends.js';
import { supportCalls } from './support-calls.js';

/**
 * A failed call to /api/*. `status` 0 means the request never got an answer. `problems`: for
 * invalid input, the server's code per problem (each has a `connect.problem.<code>` string).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The host (Teams) would not give us a token, so no request was made. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}

export interface ApiClientOptions {
  /** Supplies the bearer token for authenticated calls. */
  getToken: () => Promise<string>;
  /** Called on any 401 from an authenticated call, before the error is thrown. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? '';

  async function request<T>(
    path: string,
    init: {
      method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
      body?: unknown;
      auth: boolean;
      /** The answer as text (a CSV download), not JSON. */
      text?: boolean;
    },
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: init.text ? 'text/csv' : 'application/json' };
    if (init.auth) {
      let token: string;
      try {
        token = await options.getToken();
      } catch (cause) {
        throw new SignInError('could not get a token from the host', { cause });
      }
      headers.Authorization = `Bearer ${token}`;
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch {
      throw new ApiRequestError(0, 'network', `could not reach ${path}`);
    }

    if (!response.ok) {
      const body = await readJson(response);
      const error = isApiError(body) ? body.error : undefined;
      if (response.status === 401 && init.auth) options.onUnauthorized?.();
      throw new ApiRequestError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? response.statusText,
        Array.isArray(error?.problems)
          ? error.problems.filter((p): p is string => typeof p === 'string')
          : [],
      );
    }
    // Not response.text(): it drops the byte order mark that makes Excel read the CSV as UTF-8.
    if (init.text) {
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        await response.arrayBuffer(),
      ) as T;
    }
    return (await readJson(response)) as T;
  }

  return {
    health: () => request<HealthResponse>('/api/health', { auth: false }),
    config: () => request<ClientConfigResponse>('/api/config', { auth: false }),
    personas: () => request<PersonasResponse>('/api/dev/personas', { auth: false }),
    devToken: (body: DevTokenRequest) =>
      request<DevTokenResponse>('/api/dev/token', { method: 'POST', body, auth: false }),
    me: () => request<MeResponse>('/api/me', { auth: true }),
    teams: () => request<TeamsResponse>('/api/teams', { auth: true }),
    /** One class team: 403 when it is not one of the caller's, 404 when Belong has no record of it. */
    team: (teamId: string) => request<ClassTeamView>(`/api/teams/${enc(teamId)}`, { auth: true }),

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
      request<OccurrenceProgress>(`/api/occurrences/${enc(occurrenceId)}`, { auth: true }),
    calendar: () => request<CalendarResponse>('/api/school/calendar', { auth: true }),
    saveCalendar: (body: SchoolCalendarBody) =>
      request<Pick<CalendarResponse, 'calendar'>>('/api/school/calendar', {
        method: 'PUT',
        body,
        auth: true,
      }),
    planCmhw: (body: CmhwPlanRequest) =>
      request<CmhwPlanResponse>('/api/school/cmhw-plan', { method: 'POST', body, auth: true }),

    // The ambassador rota (server/http/rota-api.ts): the coordinator's routes, then ambassadors'.
    rota: (range: { from?: string; to?: string } = {}) =>
      request<RotaOverview>(`/api/rota${query(range)}`, { auth: true }),
    saveRotaSettings: (body: SettingsInput) =>
      request<SettingsResponse>('/api/rota/settings', { method: 'PUT', body, auth: true }),
    saveRotaSlots: (slots: SlotInput[]) =>
      request<SlotsResponse>('/api/rota/slots', { method: 'PUT', body: { slots }, auth: true }),
    saveAmbassador: (id: string, body: AmbassadorInput) =>
      request<AmbassadorResponse>(`/api/rota/ambassadors/${enc(id)}`, {
        method: 'PUT',
        body,
        auth: true,
      }),
    fillRota: () => request<FillResult>('/api/rota/fill', { method: 'POST', body: {}, auth: true }),
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
    rotaCsv: (range: { from?: string; to?: string } = {}) =>
      request<string>(`/api/rota/export.csv${query(range)}`, { auth: true, text: true }),
    // Reminders and the daily card (server/rota/rota-notices-api.ts, decision 015).
    rotaNotices: () => request<NoticeSettingsView>('/api/rota/notices', { auth: true }),
    saveRotaNotices: (body: NoticeSettingsInput) =>
      request<NoticeSettingsView>('/api/rota/notices', { method: 'PUT', body, auth: true }),
    /** One day's reminders (default: today, school time, as the server counts it). */
    rotaReminders: (date?: string) =>
      request<ReminderDayView>(`/api/rota/reminders${query({ date })}`, { auth: true }),
    myRota: () => request<MyRota>('/api/rota/me', { auth: true }),
    /** Names of the people on the rota, from the directory (Belong stores none). */
    rotaNames: () => request<{ names: Record<string, string> }>('/api/rota/names', { auth: true }),
    saveMyAvailability: (availability: Availability[]) =>
      request<MyAvailabilityResponse>('/api/rota/me/availability', {
        method: 'PUT',
        body: { availability },
        auth: true,
      }),
    askForHelp: (body: { kind: SwapKind; date: string; slotId: string }) =>
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

    // Check-ins (server/http/checkin-api.ts): a class's (post, recent, trends) and a pupil's own.
    postCheckin: (teamId: string, body: PostCheckinRequest) =>
      request<PostCheckinResponse>(`/api/teams/${enc(teamId)}/checkins`, {
        method: 'POST',
        body,
        auth: true,
      }),
    classCheckins: (teamId: string) =>
      request<ClassCheckinsResponse>(`/api/teams/${enc(teamId)}/checkins`, { auth: true }),
    classTrends: (teamId: string) =>
      request<ClassTrendsResponse>(`/api/teams/${enc(teamId)}/checkins/trends`, { auth: true }),
    myCheckins: () => request<MyCheckinsResponse>('/api/me/checkins', { auth: true }),

    // The wellbeing lead's school view and the check-in settings (lead and admin).
    schoolTrends: (question: string, period: PeriodKind) =>
      request<SchoolTrendsResponse>(`/api/school/checkins/trends${trendsQuery(question, period)}`, {
        auth: true,
      }),
    schoolTrendsCsv: (question: string, period: PeriodKind) =>
      request<string>(`/api/school/checkins/trends.csv${trendsQuery(question, period)}`, {
        auth: true,
        text: true,
      }),
    checkinSettings: () =>
      request<CheckinSettingsBody>('/api/school/checkin-settings', { auth: true }),
    saveCheckinSettings: (body: CheckinSettingsBody) =>
      request<CheckinSettingsBody>('/api/school/checkin-settings', {
        method: 'PUT',
        body,
        auth: true,
      }),
    // Support (server/http/support-api.ts): the safeguarding inbox and a pupil's own ask.
    ...supportCalls(request),

    // School roles, safeguarding readiness and the audit log (server/http/roles-api.ts).
    schoolRoles: () => request<SchoolRolesResponse>('/api/school/roles', { auth: true }),
    findPeople: (q: string) =>
      request<PeopleResponse>(`/api/school/people${query({ q })}`, { auth: true }),
    setRoles: (userId: string, roles: SchoolRole[]) =>
      request<SetRolesResponse>(`/api/school/roles/${enc(userId)}`, {
        method: 'PUT',
        body: { roles },
        auth: true,
      }),
    readiness: () => request<ReadinessResponse>('/api/support/readiness', { auth: true }),
    auditLog: (limit?: number) =>
      request<AuditResponse>(
        `/api/school/audit${query({ limit: limit === undefined ? undefined : String(limit) })}`,
        { auth: true },
      ),
  };
}

const trendsQuery = (question: string, period: PeriodKind) =>
  `?${new URLSearchParams({ question, period }).toString()}`;

/** The school's check-in settings as the API reads and writes them. */
export interface CheckinSettingsBody {
  k: number;
  /** Class team id → "R" or "1" … "13". */
  yearGroups: Record<string, string>;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
