/**
 * What the inbox API says about one talk request, made from the service's staff view: names,
 * never ids (the pupil's, the staff's, or the recipients'), and one timeline of everything that
 * happened to it. The same view is exported as JSON, and as CSV with one row per timeline event.
 */
import type { SupportRequestView, TimelineEvent } from '../../core/api/support.js';
import { csvDocument } from '../../core/csv.js';
import type { StaffTalkView } from '../../core/support/talk-service.js';

export function requestView(view: StaffTalkView, now: Date): SupportRequestView {
  const r = view.request;
  const until = r.acknowledgedAt ? Date.parse(r.acknowledgedAt) : now.getTime();
  return {
    id: r.id,
    pupilName: view.pupilName,
    classNames: [...view.classNames],
    status: r.status,
    createdAt: r.createdAt,
    waitedMinutes: Math.max(0, Math.floor((until - Date.parse(r.createdAt)) / 60_000)),
    ...(r.urgency ? { urgency: r.urgency } : {}),
    source: r.source,
    ...(r.acknowledgedAt
      ? { acknowledged: { byName: view.acknowledgedByName ?? '', at: r.acknowledgedAt } }
      : {}),
    ...(r.closedAt ? { closed: { byName: view.closedByName ?? '', at: r.closedAt } } : {}),
    ...(r.referredTo ? { referredTo: r.referredTo } : {}),
    notes: view.notes.map((n) => ({ byName: n.byName, at: n.at, text: n.text })),
    alerts: r.alerts.map((a) => ({ at: a.at, level: a.level })),
    timeline: timelineOf(view),
    unreachableNames: [...view.unreachableNames],
    timeZone: view.timeZone,
  };
}

/** Everything that happened, oldest first (a stable sort keeps same-instant steps in order). */
export function timelineOf(view: StaffTalkView): TimelineEvent[] {
  const r = view.request;
  const events: TimelineEvent[] = [{ at: r.createdAt, kind: 'requested' }];
  for (const a of r.alerts)
    events.push({ at: a.at, kind: a.level === 0 ? 'alerted' : 'escalated', level: a.level });
  if (r.acknowledgedAt)
    events.push({
      at: r.acknowledgedAt,
      kind: 'acknowledged',
      byName: view.acknowledgedByName ?? '',
    });
  for (const n of view.notes)
    events.push({ at: n.at, kind: 'note', byName: n.byName, text: n.text });
  if (r.closedAt && (r.status === 'resolved' || r.status === 'referred'))
    events.push({
      at: r.closedAt,
      kind: r.status,
      byName: view.closedByName ?? '',
      ...(r.referredTo ? { referredTo: r.referredTo } : {}),
    });
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
}

export const exportColumns = [
  'requestId',
  'pupil',
  'classes',
  'requestedAt',
  'urgency',
  'source',
  'status',
  'at',
  'localTime',
  'event',
  'by',
  'detail',
] as const;

/** One request as CSV for the school's child-protection system: one row per timeline event. */
export function exportCsv(view: SupportRequestView): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: view.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const localTime = (at: string) => {
    const p = Object.fromEntries(local.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  return csvDocument([
    exportColumns,
    ...view.timeline.map((e) => [
      view.id,
      view.pupilName,
      view.classNames.join('; '),
      view.createdAt,
      view.urgency ?? '',
      view.source,
      view.status,
      e.at,
      localTime(e.at),
      e.kind,
      e.byName ?? '',
      e.text ?? e.referredTo ?? (e.level !== undefined ? `level ${e.level}` : ''),
    ]),
  ]);
}
