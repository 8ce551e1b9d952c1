/**
 * The fixed choices of a talk request (issue 17): its statuses, "how soon", where it was asked
 * from, who it can be referred on to, and what the pupil sees of it. A file of their own at the
 * root of core/ (as roles.ts is), so the domain (core/support/) and the API's shapes (core/api/)
 * both take them without a cycle between the two folders, and the tab takes them without any of
 * the domain's code.
 */
export const talkStatuses = ['new', 'acknowledged', 'resolved', 'referred'] as const;
export type TalkStatus = (typeof talkStatuses)[number];

/** "How soon" — optional; absent means the pupil did not say. */
export const talkUrgencies = ['today', 'thisWeek'] as const;
export type TalkUrgency = (typeof talkUrgencies)[number];

/** Where the pupil asked from, for the DSL (never which check-in). */
export const talkSources = ['checkin', 'chat', 'tab'] as const;
export type TalkSource = (typeof talkSources)[number];

/** Who a request was referred on to: fixed choices, so nothing identifying is typed here. */
export const referralTargets = [
  'childrens_services',
  'camhs',
  'early_help',
  'school_nurse',
  'police',
  'other',
] as const;
export type ReferralTarget = (typeof referralTargets)[number];

/**
 * What the pupil sees of their latest request: `sent` until an adult acknowledges, `seen` after;
 * `none` when there is none, or the last one was closed over a week ago.
 */
export type PupilTalkState = 'none' | 'sent' | 'seen';
