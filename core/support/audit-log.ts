/**
 * The append-only audit log (issue 17, decision 019): every view of and action on a talk request,
 * every export and every change of school roles, as who, when and what. Entries are only ever
 * inserted. Each carries the SHA-256 of the one before, and the head row moves on in the same
 * entity-group transaction as the insert, so two writers cannot both append entry n; `verify`
 * recomputes the chain, and an entry altered in storage (or one removed) breaks it from there on.
 * Nothing in Belong updates or deletes an entry.
 */
import { BelongError, isLostRace } from '../errors.js';
import type { Clock } from '../ports/directory.js';
import type { TableStore } from '../ports/table-store.js';
import { auditActions, type AuditAction, type ChainCheck } from '../audit-actions.js';

export { auditActions, type AuditAction, type ChainCheck };

/** What is recorded: ids and codes only. Note text and messages stay with the request. */
export interface AuditEvent {
  /** Entra object id of the person who acted, or `belong` for the app itself (alerts, escalation). */
  actor: string;
  action: AuditAction;
  /** What it was about: a talk request id, or a person's id for role changes. */
  subject: string;
  /** Short codes (a new status, the roles given); never free text, never a pupil's words. */
  details?: Record<string, string>;
}

export interface AuditEntry extends AuditEvent, Record<string, unknown> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

interface Head extends Record<string, unknown> {
  seq: number;
  hash: string;
}

const partition = 'log';
const headRow = 'head';
/** Entry rows sort by sequence: 12 digits is a million entries a day for two thousand years. */
const rowOf = (seq: number) => String(seq).padStart(12, '0');
const genesis = '0'.repeat(64);

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The hash of an entry: everything in it but its own hash, in a fixed order. */
export async function hashOf(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.subject,
    Object.entries(entry.details ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    entry.prevHash,
  ]);
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
}

export class AuditLog {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  /** Appends one entry at the end of the school's chain; retried when another writer got there first. */
  async append(tenantId: string, event: AuditEvent): Promise<AuditEntry> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const head = await this.store.get<Head>('audit', { tenantId, partition, row: headRow });
      const seq = (head?.value.seq ?? 0) + 1;
      const unhashed = {
        seq,
        at: this.clock.now().toISOString(),
        actor: event.actor,
        action: event.action,
        subject: event.subject,
        ...(event.details ? { details: { ...event.details } } : {}),
        prevHash: head?.value.hash ?? genesis,
      };
      const entry: AuditEntry = { ...unhashed, hash: await hashOf(unhashed) };
      const newHead: Head = { seq, hash: entry.hash };
      try {
        await this.store.transact('audit', tenantId, partition, [
          { op: 'insert', row: rowOf(seq), value: entry },
          head
            ? { op: 'replace', row: headRow, value: newHead, etag: head.etag }
            : { op: 'insert', row: headRow, value: newHead },
        ]);
        return entry;
      } catch (e) {
        if (!isLostRace(e)) throw e;
      }
    }
    throw new BelongError('unavailable', 'The audit log is too busy; try again');
  }

  /** The newest entries first, at most `limit`, optionally about one subject. */
  async recent(tenantId: string, limit: number, subject?: string): Promise<AuditEntry[]> {
    const entries = await this.#entries(tenantId);
    return entries
      .filter((e) => subject === undefined || e.subject === subject)
      .reverse()
      .slice(0, limit);
  }

  /** Recomputes the whole chain; the first sequence number that does not hold, if any. */
  async verify(tenantId: string): Promise<ChainCheck> {
    // The head is read first: entries appended after that are in the list too and checked by the
    // chain, so a check made while someone appends does not see a break that isn't there.
    const headKey = { tenantId, partition, row: headRow };
    let head = await this.store.get<Head>('audit', headKey);
    const entries = await this.#entries(tenantId);
    if (!head && entries.length) head = await this.store.get<Head>('audit', headKey);
    let prevHash = genesis;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const { hash, ...rest } = entry;
      if (entry.seq !== i + 1 || entry.prevHash !== prevHash || (await hashOf(rest)) !== hash)
        return { ok: false, brokenAt: i + 1 };
      prevHash = hash;
    }
    // The head names the last entry as it was read: a removed tail shows as a head that points
    // past the end, a removed head as none at all.
    const seq = head?.value.seq ?? 0;
    if (seq > entries.length || (!head && entries.length))
      return { ok: false, brokenAt: entries.length + 1 };
    if (head && entries[seq - 1]?.hash !== head.value.hash) return { ok: false, brokenAt: seq + 1 };
    return { ok: true, entries: entries.length };
  }

  async #entries(tenantId: string): Promise<AuditEntry[]> {
    const rows = await this.store.list<AuditEntry>('audit', tenantId, partition);
    return rows.filter((r) => r.key.row !== headRow).map((r) => r.value);
  }
}
