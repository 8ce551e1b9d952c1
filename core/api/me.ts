/**
 * Shapes of the session part of the tab API (server/http/api.ts): health, the public client
 * configuration, the local persona picker and its dev token, who the caller is, and the error
 * body every /api/* failure has. Shared by the server (each answer `satisfies` one of these) and
 * the tab (type-only imports). Only whitelisted, non-secret values appear here.
 */
import type { Locale } from '../i18n/index.js';
import type { Role, TeamRole } from '../roles.js';

export interface HealthResponse {
  status: 'ok';
}

/** Public client configuration: safe to show to anyone. */
export interface ClientConfigResponse {
  mode: 'local' | 'production';
  /** Entra app (client) id the tab asks Teams SSO for; absent in local mode. */
  clientId?: string;
}

/** Local mode only: the demo school's people, for the persona picker. */
export interface Persona {
  id: string;
  displayName: string;
  /** What this persona does in the demo school, e.g. "Teacher of Class 7B". Localised by the tab via `describeKey`. */
  describeKey: PersonaKind;
}
export type PersonaKind =
  | 'teacher'
  | 'pupil'
  | 'ambassador'
  | 'coordinator'
  | 'wellbeing_lead'
  | 'dsl'
  | 'deputy_dsl'
  | 'admin';

export interface PersonasResponse {
  personas: Persona[];
}

export interface DevTokenRequest {
  personaId: string;
}
export interface DevTokenResponse {
  token: string;
  expiresAt: string;
}

export interface MeResponse {
  user: { id: string; displayName: string; tenantId: string };
  /** Every role the server derived, de-duplicated. */
  roles: Role[];
  /** Per class team, the role the directory gives this person there. */
  teams: { teamId: string; role: TeamRole }[];
  locale: Locale;
}

/** Every 4xx/5xx body from /api/*. `code` is stable for programs; `message` is for people. */
export interface ApiError {
  /** `problems`: for invalid input, a code per problem that the tab translates. */
  error: { code: string; message: string; problems?: string[] };
}
