/**
 * Support in the tab (issue 17): the safeguarding team's inbox of talk requests, and the pupil's
 * "talk to a trusted adult" panel on their own page. Keys are prefixed `tab.support.`; the words
 * the bot's cards use too (referral targets, sources, how soon, helplines, what the pupil is told
 * before asking) are the `talk.` keys, said once. Pupil-facing words at reading age about 8; never
 * a promise of secrecy.
 */
export const enGBSupportTab = {
  'tab.support.nav': 'Safeguarding',

  // The inbox (DSL and deputies).
  'tab.support.inbox.heading': 'Talk requests',
  'tab.support.inbox.intro': 'Pupils who asked to talk to a trusted adult, newest first.',
  'tab.support.inbox.loading': 'Loading talk requests…',
  'tab.support.inbox.empty':
    'No requests. When a pupil asks to talk, it appears here and in your chat with Belong.',
  'tab.support.inbox.emptyFilter': 'No requests with this status.',
  'tab.support.inbox.filter': 'Show',
  'tab.support.inbox.filter.all': 'All',
  'tab.support.inbox.filterOption': '{label} ({count})',
  'tab.support.inbox.refresh': 'Refresh',
  'tab.support.inbox.list': 'Requests',
  'tab.support.status.new': 'New',
  'tab.support.status.acknowledged': 'Acknowledged',
  'tab.support.status.resolved': 'Resolved',
  'tab.support.status.referred': 'Referred',
  'tab.support.duration.minutes': { one: '{count} minute', other: '{count} minutes' },
  'tab.support.duration.hours': { one: '{count} hour', other: '{count} hours' },
  'tab.support.duration.days': { one: '{count} day', other: '{count} days' },
  'tab.support.waiting': 'Waiting {duration}',
  'tab.support.waited': 'Waited {duration}',

  // One request.
  'tab.support.detail.none': 'Choose a request to see its notes and timeline.',
  'tab.support.detail.loading': 'Opening the request…',
  'tab.support.detail.status': 'Status',
  'tab.support.detail.waiting': 'Waiting',
  'tab.support.detail.waited': 'Waited',
  'tab.support.actions.heading': 'Record what you did',
  'tab.support.actions.closed': 'This request is closed. You can still read and export it.',
  'tab.support.actions.noteCount': '{count} of 1,000 characters',
  'tab.support.actions.referChoose': 'Choose…',
  'tab.support.timeline.heading': 'Timeline',
  'tab.support.event.requested': 'Asked to talk ({source})',
  'tab.support.event.alerted': 'Sent to the safeguarding team',
  'tab.support.event.escalated':
    'Nobody had acknowledged it: sent again, and to the wellbeing lead',
  'tab.support.event.acknowledged': 'Acknowledged by {name}',
  'tab.support.event.note': 'Note by {name}',
  'tab.support.event.resolved': 'Resolved by {name}',
  'tab.support.event.referred': 'Referred on to {to} by {name}',
  'tab.support.notes.none': 'No notes yet.',
  'tab.support.export.heading': 'Export',
  'tab.support.export.json': 'Export JSON',
  'tab.support.export.csv': 'Export CSV',
  'tab.support.export.hint':
    'This request’s record for your child-protection system. Each export is kept in the audit log.',

  // The pupil's panel on their own page.
  'tab.support.talk.loading': 'Checking…',
  'tab.support.talk.send': 'Send',
  'tab.support.talk.sending': 'Sending…',
  'tab.support.talk.sent': 'Sent. An adult will see it.',
  'tab.support.talk.sentClosed': 'Sent. School is closed now, so an adult will see it on {when}.',
  'tab.support.talk.askAgain': 'Ask again',
} as const;
