/**
 * Where talk requests live (the `support` table), apart from everything else: nothing that
 * reads check-ins, trends, rotas or deliveries reads this table. Partitions:
 * - `requests`: one row per request (ids sort newest first);
 * - `open`: an index of requests not yet acknowledged, for the escalation worker;
 * - `latest`: each pupil's latest request id, so a second tap finds the first request;
 * - `settings`: the school's support settings.
 */
import { isLostRace } from '../errors.js';
import type { Stored, TableStore } from '../ports/table-store.js';
import { defaultSupportSettings, type SupportSettings, type TalkRequest } from './talk.js';

interface Latest extends Record<string, unknown> {
  requestId: string;
}

export class TalkStore {
  constructor(private readonly store: TableStore) {}

  async get(tenantId: string, id: string): Promise<Stored<TalkRequest> | undefined> {
    return this.store.get<TalkRequest>('support', { tenantId, partition: 'requests', row: id });
  }

  /** Every request, newest first. A school has a few hundred a year at most. */
  async list(tenantId: string): Promise<TalkRequest[]> {
    return (await this.store.list<TalkRequest>('support', tenantId, 'requests')).map(
      (r) => r.value,
    );
  }

  /** Requests waiting for an acknowledgement. */
  async waiting(tenantId: string): Promise<Stored<TalkRequest>[]> {
    const ids = await this.store.list('support', tenantId, 'open');
    const found = await Promise.all(ids.map((r) => this.get(tenantId, r.key.row)));
    return found.filter((r): r is Stored<TalkRequest> => r !== undefined);
  }

  async latestOf(tenantId: string, pupilId: string): Promise<TalkRequest | undefined> {
    const latest = await this.store.get<Latest>('support', {
      tenantId,
      partition: 'latest',
      row: pupilId,
    });
    return latest && (await this.get(tenantId, latest.value.requestId))?.value;
  }

  /**
   * Stores a new request unless the pupil's latest one (as read, `seen`) has changed meanwhile —
   * two taps at once make one request. Returns the request that stands.
   */
  async create(
    tenantId: string,
    request: TalkRequest,
    seenLatest: TalkRequest | undefined,
  ): Promise<{ request: TalkRequest; created: boolean }> {
    const key = { tenantId, partition: 'latest', row: request.pupilId };
    const current = await this.store.get<Latest>('support', key);
    if (current && current.value.requestId !== seenLatest?.id) {
      // Another tap (or instance) made a request since this one read: that one stands.
      const other = await this.get(tenantId, current.value.requestId);
      if (other) return { request: other.value, created: false };
    }
    // The request (and its place on the waiting list) is written before the pointer to it, so the
    // pointer only ever names a request that exists: a second tap meanwhile finds it, rather than
    // a gap it would fill with a second request. A crash before the pointer leaves a request that
    // is still alerted; the pupil's next tap makes another.
    const row = { tenantId, partition: 'requests', row: request.id };
    const open = { tenantId, partition: 'open', row: request.id };
    await this.store.insert('support', row, request);
    await this.store.upsert('support', open, { since: request.createdAt });
    try {
      if (current)
        await this.store.replace<Latest>('support', key, { requestId: request.id }, current.etag);
      else await this.store.insert<Latest>('support', key, { requestId: request.id });
    } catch (e) {
      if (!isLostRace(e)) throw e;
      // Another tap's request stands: this one is taken back.
      await this.store.delete('support', open);
      await this.store.delete('support', row);
      const other = await this.latestOf(tenantId, request.pupilId);
      if (other) return { request: other, created: false };
      throw e;
    }
    return { request, created: true };
  }

  /** Writes a change if nobody else changed the request since it was read; throws a lost race otherwise. */
  async replace(tenantId: string, stored: Stored<TalkRequest>, next: TalkRequest): Promise<void> {
    await this.store.replace('support', stored.key, next, stored.etag);
    if (next.status !== 'new')
      await this.store.delete('support', { tenantId, partition: 'open', row: next.id });
  }

  /** Drops an index row whose request is gone or no longer waiting. */
  async unlist(tenantId: string, id: string): Promise<void> {
    await this.store.delete('support', { tenantId, partition: 'open', row: id });
  }

  async settings(tenantId: string): Promise<SupportSettings> {
    const found = await this.store.get<SupportSettings & Record<string, unknown>>('support', {
      tenantId,
      partition: 'settings',
      row: 'support',
    });
    return { ...defaultSupportSettings(), ...(found?.value ?? {}) };
  }

  async setSettings(tenantId: string, settings: SupportSettings): Promise<void> {
    await this.store.upsert(
      'support',
      { tenantId, partition: 'settings', row: 'support' },
      {
        ...settings,
      },
    );
  }
}
