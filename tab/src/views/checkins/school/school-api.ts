/**
 * The school view's calls: trends, their CSV and the check-in settings
 * (server/http/checkin-api.ts). They sit beside the view rather than in api/client.ts, which is
 * shared by every view; they use the same token as the client (the persona's in local mode,
 * Teams SSO inside Teams) and fail with the same ApiRequestError, so the tab's error words work.
 * Moving them into the shared client later changes only `schoolApiFor`.
 */
import type { SchoolTrendsResponse } from '../../../../../core/checkin/trends-service.js';
import type { PeriodKind } from '../../../../../core/checkin/trends.js';
import type { ApiError } from '../../../../../core/api.js';
import { ApiRequestError, SignInError } from '../../../api/client.js';
import { browserStorage } from '../../../app/browser.js';
import { readDevToken } from '../../../auth/dev-token.js';
import { getTeamsToken } from '../../../teams/host.js';

export type { SchoolTrendsResponse };

export interface CheckinSettingsBody {
  k: number;
  /** Class team id → "R" or "1" … "13". */
  yearGroups: Record<string, string>;
}

export interface SchoolApi {
  trends(question: string, period: PeriodKind): Promise<SchoolTrendsResponse>;
  /** The server's CSV, as text. */
  trendsCsv(question: string, period: PeriodKind): Promise<string>;
  settings(): Promise<CheckinSettingsBody>;
  saveSettings(body: CheckinSettingsBody): Promise<CheckinSettingsBody>;
}

export interface SchoolApiOptions {
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  baseUrl?: string;
}

export function createSchoolApi(options: SchoolApiOptions): SchoolApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? '';

  async function request(
    path: string,
    init: { method?: 'GET' | 'PUT'; body?: unknown; csv?: boolean } = {},
  ): Promise<Response> {
    let token: string;
    try {
      token = await options.getToken();
    } catch (cause) {
      throw new SignInError('could not get a token from the host', { cause });
    }
    const headers: Record<string, string> = {
      Accept: init.csv ? 'text/csv' : 'application/json',
      Authorization: `Bearer ${token}`,
    };
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
      const error = (await response.json().catch(() => undefined)) as Partial<ApiError> | undefined;
      const problems = error?.error?.problems;
      throw new ApiRequestError(
        response.status,
        typeof error?.error?.code === 'string' ? error.error.code : `http_${response.status}`,
        typeof error?.error?.message === 'string' ? error.error.message : response.statusText,
        Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [],
      );
    }
    return response;
  }

  const query = (question: string, period: PeriodKind) =>
    `?${new URLSearchParams({ question, period }).toString()}`;
  return {
    trends: async (question, period) =>
      (await (
        await request(`/api/school/checkins/trends${query(question, period)}`)
      ).json()) as SchoolTrendsResponse,
    trendsCsv: async (question, period) =>
      (
        await request(`/api/school/checkins/trends.csv${query(question, period)}`, { csv: true })
      ).text(),
    settings: async () =>
      (await (await request('/api/school/checkin-settings')).json()) as CheckinSettingsBody,
    saveSettings: async (body) =>
      (await (
        await request('/api/school/checkin-settings', { method: 'PUT', body })
      ).json()) as CheckinSettingsBody,
  };
}

/**
 * The signed-in person's token, as the shared client gets it: the persona's token in local mode
 * (kept in sessionStorage by the picker), otherwise Teams SSO.
 */
export async function sessionToken(): Promise<string> {
  const local = readDevToken(browserStorage('session'), new Date());
  return local ?? getTeamsToken();
}

export const schoolApiFor = (): SchoolApi => createSchoolApi({ getToken: sessionToken });
