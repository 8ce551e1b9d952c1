/** Reminders, the on-duty card and swap/cover notices for the ambassador rota. Keys are prefixed `rotaNotify.`; ambassadors are pupils, so reading age about 8. */
export const enGBRotaNotify = {
  // The morning reminder, in the ambassador's personal chat
  'rotaNotify.reminder.title': 'You are on duty today',
  'rotaNotify.reminder.intro': 'Thank you for being a wellbeing ambassador.',
  'rotaNotify.reminder.when': 'When',
  'rotaNotify.reminder.where': 'Where',
  'rotaNotify.reminder.with': 'With',
  'rotaNotify.reminder.adult': 'Adult in charge',
  'rotaNotify.reminder.whenValue': '{period}, {day}',
  'rotaNotify.reminder.swap': 'Can’t do it? Ask for a swap in the Belong tab.',
  'rotaNotify.worry': 'If someone tells you a worry, tell the supervising adult.',

  // The "today's wellbeing ambassadors" card, in a channel
  'rotaNotify.today.title': 'Today’s wellbeing ambassadors',
  'rotaNotify.today.intro':
    '{day}. Wellbeing ambassadors are here to listen and play. Come and find them.',
  'rotaNotify.today.slot': '{period} · {place}',
  'rotaNotify.today.adult': 'Adult in charge: {adult}',
  'rotaNotify.today.count': {
    one: '1 ambassador',
    other: '{count} ambassadors',
  },
  'rotaNotify.today.worry': 'If you have a worry, you can always talk to an adult.',

  // Swap and cover notices, in personal chats
  'rotaNotify.duty': '{period}, {place}, {day}',
  'rotaNotify.someone': 'Another ambassador',
  'rotaNotify.kind.swap': 'swap',
  'rotaNotify.kind.cover': 'cover',
  'rotaNotify.notice.accepted.title': 'Someone said yes',
  'rotaNotify.notice.accepted.requester':
    '{who} said yes to your {kind}: {duty}. The coordinator will check it. Until then, your duty stays the same.',
  'rotaNotify.notice.accepted.acceptor':
    'You said yes to a {kind}: {duty}. The coordinator will check it. We will tell you.',
  'rotaNotify.notice.accepted.coordinatorTitle': 'A {kind} needs your OK',
  'rotaNotify.notice.accepted.coordinator':
    '{requester} asked for a {kind} and {who} said yes: {duty}. Approve or decline it in the rota tab.',
  'rotaNotify.notice.approved.title': 'It is agreed',
  'rotaNotify.notice.approved.requester': '{who} will do your duty: {duty}.',
  'rotaNotify.notice.approved.requesterSwap': 'You will do their duty instead: {inReturn}.',
  'rotaNotify.notice.approved.acceptor': 'You will do this duty: {duty}.',
  'rotaNotify.notice.approved.acceptorSwap': '{who} will do your duty: {inReturn}.',
  'rotaNotify.notice.declined.title': 'It was not agreed',
  'rotaNotify.notice.declined.requester':
    'Your {kind} was not agreed. You still have this duty: {duty}.',
  'rotaNotify.notice.declined.acceptor':
    'The {kind} you said yes to was not agreed: {duty}. Nothing changes for you.',
} as const;
