/**
 * Shapes of the support API (server/http/support-api.ts): the DSL's and deputies' inbox of talk
 * requests, and a pupil's own "talk to a trusted adult". Shared by the server (each handler's
 * answer `satisfies` one of these) and the tab (type-only imports). Nothing here carries a
 * person's id: staff see names, the pupil sees only the state of their own request.
 */
import type { Locale } from '../i18n/index.js';
import {
  referralTargets,
  talkUrgencies,
  type PupilTalkState,
  type ReferralTarget,
  type TalkSource,
  type TalkStatus,
  type TalkUrgency,
} from '../talk-kinds.js';

export type { PupilTalkState, ReferralTarget, TalkSource, TalkStatus, TalkUrgency };
/** The inbox's referral choices and the pupil's "how soon", in the order they are offered. */
export { referralTargets, talkUrgencies };

export const timelineKinds = [
  'requested',
  'alerted',
  'escalated',
  'acknowledged',
  'note',
  'resolved',
  'referred',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** One step in a request's life, oldest first. */
export interface TimelineEvent {
  at: string;
  kind: TimelineKind;
  /** Who did it; absent for the pupil's own request and Belong's alerts. */
  byName?: string;
  /** A note's text. */
  text?: string;
  /** An alert's round: 0 the first, 1 and on escalations. */
  level?: number;
  referredTo?: ReferralTarget;
}

export interface SupportNoteView {
  byName: string;
  at: string;
  text: string;
}

/** One talk request as the DSL and deputies see it: who asked, and everything done since. */
export interface SupportRequestView {
  id: string;
  pupilName: string;
  classNames: string[];
  status: TalkStatus;
  createdAt: string;
  /** Minutes from asking until an adult acknowledged it, or until now while nobody has. */
  waitedMinutes: number;
  urgency?: TalkUrgency;
  source: TalkSource;
  acknowledged?: { byName: string; at: string };
  closed?: { byName: string; at: string };
  referredTo?: ReferralTarget;
  notes: SupportNoteView[];
  alerts: { at: string; level: number }[];
  timeline: TimelineEvent[];
  /** Safeguarding recipients Belong cannot message (they never opened a chat with it). */
  unreachableNames: string[];
  /** The school's time zone, to show times in. */
  timeZone: string;
}

/** `GET /api/support/requests`: newest first. */
export interface SupportInboxResponse {
  requests: SupportRequestView[];
}

/** `GET /api/support/requests/:id` and the answer to an action. */
export interface SupportRequestResponse {
  request: SupportRequestView;
}

/** `POST /api/support/requests/:id/actions`. */
export type SupportActionRequest =
  | { kind: 'acknowledge' }
  | { kind: 'note'; text: string }
  | { kind: 'resolve' }
  | { kind: 'refer'; to: ReferralTarget };

/** `GET /api/support/requests/:id/export?format=json`: one request for a child-protection system. */
export interface SupportExport {
  format: 'belong-talk-request/1';
  exportedAt: string;
  request: SupportRequestView;
}

/** `GET /api/support/mine`: what the pupil's own page shows. */
export interface MyTalkResponse {
  /** Whether the school can take requests now (enough safeguarding adults Belong can reach). */
  offered: boolean;
  state: PupilTalkState;
  /**
   * School is closed: when adults will see a request (the pupil's waiting one, or one sent now),
   * and the school's time zone to say it in.
   */
  closedUntil?: { at: string; timeZone: string };
}

/** `POST /api/support/talk`. */
export interface AskTalkRequest {
  urgency?: TalkUrgency;
  /** The language to tell the pupil things back in; else the request's Accept-Language. */
  locale?: Locale;
}

/** The answer to asking: sent now, or the pupil's open request that was already there. */
export interface AskTalkResponse extends MyTalkResponse {
  offered: true;
  state: Exclude<PupilTalkState, 'none'>;
  /** A request was already open, so nothing new was sent. */
  already: boolean;
}
