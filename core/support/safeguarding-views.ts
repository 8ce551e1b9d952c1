/**
 * What the admin and the safeguarding team read about the set-up (issue 17): whether talk
 * requests can be offered and what to do until they can, and the audit log with its chain check.
 * Reading the audit log is itself recorded (`audit.viewed`).
 */
import type {
  AuditActorView,
  AuditEntryView,
  AuditResponse,
  AuditSubjectView,
  ReadinessResponse,
  ReadinessStep,
} from '../api/roles.js';
import { BelongError } from '../errors.js';
import type { PersonNames } from '../rota/index.js';
import type { SchoolRole } from '../roles.js';
import { defaultTimeZone } from '../schedule/index.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { AuditEntry, AuditLog } from './audit-log.js';
import type { Readiness } from './talk-service.js';
import { talkRecipientRoles } from './talk.js';

/** Who may read the audit log: the admin, the DSL and deputies. */
export const auditReaders: readonly SchoolRole[] = ['admin', 'dsl', 'deputy_dsl'];
/** Who may see whether talk requests can be offered: they and the wellbeing lead. */
export const readinessReaders: readonly SchoolRole[] = [...auditReaders, 'wellbeing_lead'];

/** Readiness, and what to do: make the school ready, and let every recipient be reached. */
export function readinessView(readiness: Readiness): ReadinessResponse {
  // TalkService names someone the directory doesn't know by their id: no name, to the tab.
  const recipients = readiness.recipients
    .map(({ userId, role, name, reachable }) => ({
      userId,
      role,
      ...(name && name !== userId ? { name } : {}),
      reachable,
    }))
    .sort(
      (a, b) =>
        talkRecipientRoles.indexOf(a.role) - talkRecipientRoles.indexOf(b.role) ||
        Number(!a.name) - Number(!b.name) ||
        (a.name ?? a.userId).localeCompare(b.name ?? b.userId),
    );
  // Someone who cannot be messaged misses requests even when enough others can: always a step.
  const steps: ReadinessStep[] = recipients
    .filter((r) => !r.reachable)
    .map(({ userId, name }) => ({ kind: 'open', userId, ...(name ? { name } : {}) }));
  const missing = readiness.needed - recipients.length;
  if (missing > 0) steps.push({ kind: 'assign', count: missing });
  return {
    ready: readiness.ready,
    needed: readiness.needed,
    reachable: recipients.filter((r) => r.reachable).length,
    recipients,
    steps,
  };
}

export interface AuditReadDeps {
  audit: AuditLog;
  schools: SchoolStore;
  names: PersonNames;
}

/**
 * The newest `limit` entries with names, the chain check over the whole log, and the school's
 * time zone to show the times in. The reading is recorded first, so it is the newest entry the
 * reader sees.
 */
export async function readAudit(
  deps: AuditReadDeps,
  tenantId: string,
  actorId: string,
  limit: number,
): Promise<AuditResponse> {
  const roles = await deps.schools.rolesOf(tenantId, actorId);
  if (!roles.some((r) => auditReaders.includes(r)))
    throw new BelongError('forbidden', 'Only the admin, the DSL and deputies read the audit log');
  await deps.audit.append(tenantId, { actor: actorId, action: 'audit.viewed', subject: 'audit' });
  const [entries, check, school] = await Promise.all([
    deps.audit.recent(tenantId, limit),
    deps.audit.verify(tenantId),
    deps.schools.get(tenantId),
  ]);
  const names = new Map<string, Promise<string | undefined>>();
  const nameOf = (userId: string) => {
    if (!names.has(userId)) names.set(userId, deps.names.displayName(tenantId, userId));
    return names.get(userId)!;
  };
  return {
    entries: await Promise.all(entries.map((e) => entryView(e, nameOf))),
    check,
    // Times are shown in the school's time zone, wherever the reader is.
    timeZone: school?.timeZone ?? defaultTimeZone,
  };
}

async function entryView(
  entry: AuditEntry,
  nameOf: (userId: string) => Promise<string | undefined>,
): Promise<AuditEntryView> {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: await actorView(entry, nameOf),
    action: entry.action,
    subject: await subjectView(entry, nameOf),
    details: { ...(entry.details ?? {}) },
  };
}

async function actorView(
  entry: AuditEntry,
  nameOf: (userId: string) => Promise<string | undefined>,
): Promise<AuditActorView> {
  if (entry.actor === 'belong') return { kind: 'belong' };
  // Only the DSL and deputies learn who asked, in the inbox; the admin reads this log too.
  if (entry.action === 'talk.requested') return { kind: 'pupil' };
  const name = await nameOf(entry.actor);
  return { kind: 'person', userId: entry.actor, ...(name ? { name } : {}) };
}

async function subjectView(
  entry: AuditEntry,
  nameOf: (userId: string) => Promise<string | undefined>,
): Promise<AuditSubjectView> {
  if (entry.action === 'roles.changed') {
    const name = await nameOf(entry.subject);
    return { kind: 'person', userId: entry.subject, ...(name ? { name } : {}) };
  }
  if (entry.action === 'audit.viewed') return { kind: 'audit' };
  if (entry.action === 'talk.listed') return { kind: 'inbox' };
  return { kind: 'request', id: entry.subject };
}
