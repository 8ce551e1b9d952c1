/**
 * The session's calls (server/http/api.ts): health, the public configuration, the local persona
 * picker and its dev token, who the caller is, and the class teams they can see.
 */
import type {
  ClientConfigResponse,
  DevTokenRequest,
  DevTokenResponse,
  HealthResponse,
  MeResponse,
  PersonasResponse,
} from '../../../core/api/me.js';
import type { ClassTeamView, TeamsResponse } from '../../../core/api/teams.js';
import { enc, type Request } from './request.js';

export const sessionApi = (request: Request) => ({
  health: () => request<HealthResponse>('/api/health', { auth: false }),
  config: () => request<ClientConfigResponse>('/api/config', { auth: false }),
  personas: () => request<PersonasResponse>('/api/dev/personas', { auth: false }),
  devToken: (body: DevTokenRequest) =>
    request<DevTokenResponse>('/api/dev/token', { method: 'POST', body, auth: false }),
  me: () => request<MeResponse>('/api/me', { auth: true }),
});
export type SessionApi = ReturnType<typeof sessionApi>;

export const teamsApi = (request: Request) => ({
  list: () => request<TeamsResponse>('/api/teams', { auth: true }),
  /** One class team: 403 when it is not one of the caller's, 404 when Belong has no record of it. */
  get: (teamId: string) => request<ClassTeamView>(`/api/teams/${enc(teamId)}`, { auth: true }),
});
export type TeamsApi = ReturnType<typeof teamsApi>;
