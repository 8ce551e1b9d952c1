/** The talk cards' typed verbs and input ids (issue 17): one handler per verb in bot/talk-actions.ts. */
export const talkVerbs = {
  /** Open the ask card (from a check-in card, the help card, or the channel card). */
  talkStart: 'talk.start',
  /** The pupil's "Ask to talk". */
  talkSend: 'talk.send',
  /** "Not now". */
  talkNotNow: 'talk.notNow',
  /** Refresh: where the pupil's request stands. */
  talkView: 'talk.view',
  /** Refresh of a staff card. */
  staffView: 'talk.staff.view',
  talkAcknowledge: 'talk.acknowledge',
  talkNote: 'talk.note',
  talkResolve: 'talk.resolve',
  talkRefer: 'talk.refer',
} as const;
export type TalkVerb = (typeof talkVerbs)[keyof typeof talkVerbs];

/** The card's input ids (what the actions send back). */
export const talkInputs = {
  urgency: 'talkUrgency',
  note: 'talkNote',
  referral: 'talkReferral',
} as const;
