/**
 * What the audit log records, and what checking its chain finds (issue 17, decisions 019 and
 * 021). A file of its own at the root of core/ (as talk-kinds.ts is), so the log
 * (core/support/audit-log.ts) and the API's shapes (core/api/roles.ts) both take them without a
 * cycle between the two folders, and the tab takes them without any of the log's code.
 */
export const auditActions = [
  'talk.requested',
  'talk.alerted',
  'talk.escalated',
  'talk.viewed',
  'talk.listed',
  'talk.acknowledged',
  'talk.noted',
  'talk.resolved',
  'talk.referred',
  'talk.exported',
  'talk.unreachable',
  'roles.changed',
  'audit.viewed',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Every entry holds (and how many there are), or the first entry that does not. */
export type ChainCheck = { ok: true; entries: number } | { ok: false; brokenAt: number };
