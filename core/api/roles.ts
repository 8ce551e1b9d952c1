/**
 * Shapes of the school-roles API (server/http/roles-api.ts): who holds the school roles and
 * changing them (the admin), the directory search to pick people, whether talk requests can be
 * offered (safeguarding readiness), and the audit log with its chain check. Shared by the server
 * (each answer `satisfies` one of these) and the tab (type-only imports).
 */
import type { SchoolRole } from '../roles.js';
import type { AuditAction, ChainCheck } from '../audit-actions.js';

export type { AuditAction, ChainCheck };

/** The roles the admin gives in the tab, in the order the tab lists them. */
export const assignableRoles = [
  'dsl',
  'deputy_dsl',
  'wellbeing_lead',
  'coordinator',
  'admin',
  'ambassador',
] as const satisfies readonly SchoolRole[];

/** A person and the school roles they hold. `name` is absent when the directory has none. */
export interface RoleHolderView {
  userId: string;
  name?: string;
  roles: SchoolRole[];
}

/** `GET /api/school/roles`: everyone who holds a school role, by name. */
export interface SchoolRolesResponse {
  holders: RoleHolderView[];
}

/** `GET /api/school/people?q=`: people whose name matches, with the roles they hold now. */
export interface PeopleResponse {
  people: { userId: string; displayName: string; roles: SchoolRole[] }[];
}

/** `PUT /api/school/roles/:userId`: every role the person is to hold (none removes them). */
export interface SetRolesRequest {
  roles: SchoolRole[];
}

export interface SetRolesResponse {
  holder: RoleHolderView;
  /** False when they already held exactly these roles: nothing was written or audited. */
  changed: boolean;
}

/** One safeguarding adult who gets talk requests, and whether Belong can message them. */
export interface ReadinessRecipient {
  userId: string;
  role: SchoolRole;
  /** Absent when the directory has no name for them. */
  name?: string;
  /** They have a personal chat with the bot (opened Belong in Teams). */
  reachable: boolean;
}

/** What to do so that talk requests can be offered, and reach every safeguarding adult. */
export type ReadinessStep =
  /** Ask this person to open the Belong app in Teams, so the bot can message them. */
  | { kind: 'open'; userId: string; name?: string }
  /** Give the DSL or deputy DSL role to this many more people. */
  | { kind: 'assign'; count: number };

/** `GET /api/support/readiness`. */
export interface ReadinessResponse {
  ready: boolean;
  /** How many reachable safeguarding adults talk requests need. */
  needed: number;
  /** How many there are now. */
  reachable: number;
  /** The DSL first, then deputies, by name. */
  recipients: ReadinessRecipient[];
  /** What to do: can be more than nothing when ready (a deputy who cannot be messaged yet). */
  steps: ReadinessStep[];
}

/** Who did something recorded in the audit log. */
export type AuditActorView =
  | { kind: 'person'; userId: string; name?: string }
  /** Belong itself (alerts, escalations). */
  | { kind: 'belong' }
  /** A pupil asking to talk: the audit log never names them; the inbox does, for the DSL. */
  | { kind: 'pupil' };

/** What an entry was about. */
export type AuditSubjectView =
  | { kind: 'request'; id: string }
  | { kind: 'person'; userId: string; name?: string }
  | { kind: 'inbox' }
  | { kind: 'audit' };

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: AuditActorView;
  action: AuditAction;
  subject: AuditSubjectView;
  /** Codes only (`roles: 'dsl,deputy_dsl'`, a referral target, an alert level). */
  details: Record<string, string>;
}

/** `GET /api/school/audit?limit=`: newest first, and whether the whole record is as written. */
export interface AuditResponse {
  entries: AuditEntryView[];
  check: ChainCheck;
  /** The school's time zone, to show times in. */
  timeZone: string;
}
