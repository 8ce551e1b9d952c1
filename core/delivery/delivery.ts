/**
 * Deliveries: one per (occurrence, target conversation). Everything the bot posts proactively —
 * prompts, check-ins, reminders, safeguarding messages, card updates — is a delivery in the
 * durable outbox, sent by the delivery engine at Teams' rate limits.
 */

export const deliveryStatuses = ['pending', 'sending', 'sent', 'failed', 'removed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Where a delivery goes. `serviceUrl` is the Bot Framework endpoint recorded at install. */
export type DeliveryTarget =
  /** A new thread in a class team channel. */
  | { kind: 'channel'; teamId: string; channelId: string; serviceUrl: string }
  /** A message in an existing conversation (a personal chat with the bot). */
  | { kind: 'conversation'; conversationId: string; serviceUrl: string }
  /** An edit of something already posted (e.g. closing a check-in card). */
  | { kind: 'update'; conversationId: string; activityId: string; serviceUrl: string };

/** What to post: the activity body (text and/or attachments), built by the caller from a card builder. */
export interface DeliveryContent extends Record<string, unknown> {
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export interface Delivery extends Record<string, unknown> {
  /** Stable: `<occurrenceId>/<targetKey>`, so enqueueing the same fan-out twice changes nothing. */
  id: string;
  occurrenceId: string;
  targetKey: string;
  target: DeliveryTarget;
  content: DeliveryContent;
  status: DeliveryStatus;
  attempts: number;
  /** When it may next be tried (ISO). */
  notBefore: string;
  /** Who is sending it and until when that claim holds (while `sending`). */
  claimedBy?: string;
  claimedUntil?: string;
  /** After `sent`: the conversation id (a new thread's id) and the message's activity id. */
  conversationId?: string;
  activityId?: string;
  sentAt?: string;
  /** After `failed` or `removed`, or the last transient error while `pending`: why, without pupil data. */
  reason?: string;
  /**
   * A safeguarding message (a pupil asking to talk to a trusted adult): sent ahead of everything
   * else, within Teams' limits (decision 020).
   */
  urgent?: boolean;
  /**
   * Written but not to be sent yet (while `pending`): its owner still has to write the record it
   * belongs to and then `release` it. Not released by this time (ISO), it is given up as
   * `failed` ("never confirmed"). Used by "Post now" (issue 21).
   */
  heldUntil?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Occurrence extends Record<string, unknown> {
  id: string;
  /** What it is, for staff (e.g. "CMHW day 2 — Class 7B"). Never pupil data. */
  label: string;
  /** The class team it was posted for, if one: its teachers may follow its progress. */
  teamId?: string;
  /** Its deliveries are safeguarding messages (see `Delivery.urgent`). */
  urgent?: boolean;
  total: number;
  createdAt: string;
}

export interface OccurrenceProgress {
  occurrenceId: string;
  label: string;
  teamId?: string;
  total: number;
  counts: Record<DeliveryStatus, number>;
  /** Done = sent + failed + removed. */
  done: number;
  finished: boolean;
  /** Targets the bot can no longer post to (removed from the team): the teacher is told. */
  removedTargets: string[];
  failures: { targetKey: string; reason: string }[];
}

export function conversationKeyOf(target: DeliveryTarget): string {
  switch (target.kind) {
    case 'channel':
      return target.channelId;
    case 'conversation':
    case 'update':
      // A thread (";messageid=…") shares its channel's limits.
      return target.conversationId.split(';')[0]!;
  }
}

export function summarise(occurrence: Occurrence, deliveries: Delivery[]): OccurrenceProgress {
  const counts = Object.fromEntries(deliveryStatuses.map((s) => [s, 0])) as Record<
    DeliveryStatus,
    number
  >;
  for (const d of deliveries) counts[d.status]++;
  const done = counts.sent + counts.failed + counts.removed;
  return {
    occurrenceId: occurrence.id,
    label: occurrence.label,
    ...(occurrence.teamId ? { teamId: occurrence.teamId } : {}),
    total: occurrence.total,
    counts,
    done,
    finished: done >= occurrence.total,
    removedTargets: deliveries.filter((d) => d.status === 'removed').map((d) => d.targetKey),
    failures: deliveries
      .filter((d) => d.status === 'failed')
      .map((d) => ({ targetKey: d.targetKey, reason: d.reason ?? 'unknown' })),
  };
}
