/**
 * Strings for the Support journey in the bot (issue 17): the pupil's "talk to a trusted adult"
 * cards (reading age about 8; never a promise of secrecy) and the safeguarding team's cards.
 */
export const enGBTalk = {
  'talk.action': 'Talk to a trusted adult',
  'talk.offer.low': 'Would you like to talk to a trusted adult? You can if you want to.',
  'talk.ask.title': 'Talk to a trusted adult',
  'talk.ask.body':
    'You can ask to talk to an adult at school. They will see your name and your class, so they can find you.',
  'talk.ask.notSecret':
    'If they are worried about your safety, they may need to tell other adults who can help keep you safe.',
  'talk.ask.howSoon': 'How soon? You can leave this.',
  'talk.ask.send': 'Ask to talk',
  'talk.ask.notNow': 'Not now',
  'talk.ask.closedNow': 'School is closed now. An adult will see this on {when}.',
  'talk.urgency.today': 'Today',
  'talk.urgency.thisWeek': 'This week',
  'talk.notNow.title': 'That’s OK',
  'talk.notNow.body': 'You can ask any time. Type talk in a chat with me.',
  'talk.sent.title': 'Sent',
  'talk.sent.body': 'A trusted adult will see this soon.',
  'talk.seen.title': 'Seen',
  'talk.seen.body': 'An adult has seen this and will find you.',
  'talk.helpNow.title': 'Need help now?',
  'talk.helpNow.body':
    'In an emergency, call 999. Childline: call 0800 1111. Shout: text SHOUT to 85258.',
  'talk.unavailable.title': 'Please tell an adult at school',
  'talk.unavailable.body':
    'I can’t send this to an adult right now. Please tell a teacher or another adult you trust.',
  'talk.notPupil.title': 'This is for pupils',
  'talk.notPupil.body':
    'Pupils use this to ask to talk to a trusted adult. If you are worried about a pupil, follow your school’s safeguarding policy.',
  'buddy.notPupil.body':
    'Pupils use this to ask for a wellbeing ambassador to be their buddy at break or lunch.',
  'talk.channel.body': 'Only you will see what happens when you tap this.',
  'talk.staff.title': 'A pupil would like to talk',
  'talk.staff.pupil': 'Pupil',
  'talk.staff.class': 'Class',
  'talk.staff.asked': 'Asked',
  'talk.staff.howSoon': 'How soon',
  'talk.staff.notSaid': 'Not said',
  'talk.staff.from': 'Asked from',
  'talk.source.checkin': 'A check-in card',
  'talk.source.chat': 'A chat with Belong',
  'talk.source.tab': 'The Belong tab',
  'talk.staff.status.new': 'Nobody has acknowledged this yet.',
  'talk.staff.status.acknowledged': 'Acknowledged by {name}, {when}.',
  'talk.staff.status.resolved': 'Resolved by {name}, {when}.',
  'talk.staff.status.referred': 'Referred on to {to} by {name}, {when}.',
  'talk.staff.reminder': {
    one: 'Reminder: this has waited {count} minute of school time.',
    other: 'Reminder: this has waited {count} minutes of school time.',
  },
  'talk.staff.unreachable':
    'Belong could not message: {names}. They need to open Belong in Teams to get requests.',
  'talk.staff.notes': 'Notes',
  'talk.staff.noteBy': '{name}, {when}',
  'talk.staff.acknowledge': 'Acknowledge',
  'talk.staff.noteLabel': 'Add a note (what you did or will do)',
  'talk.staff.saveNote': 'Save note',
  'talk.staff.referLabel': 'Referred on to',
  'talk.staff.refer': 'Record referral',
  'talk.staff.resolve': 'Resolve',
  'talk.staff.noteProblem': 'Write a note of 1 to 1,000 characters. Nothing has changed.',
  'talk.staff.closed': 'This request is closed. Nothing has changed.',
  'talk.staff.referProblem': 'Choose who it was referred on to. Nothing has changed.',
  'talk.staff.record': 'Every view and action here is kept in the audit log.',
  'talk.staff.forbidden.title': 'Only the safeguarding team can see this',
  'talk.staff.forbidden.body':
    'Talk requests go to the designated safeguarding lead and deputies only.',
  'talk.referral.childrens_services': 'Children’s services',
  'talk.referral.camhs': 'CAMHS',
  'talk.referral.early_help': 'Early help',
  'talk.referral.school_nurse': 'School nurse',
  'talk.referral.police': 'Police',
  'talk.referral.other': 'Someone else',
  'talk.escalated.title': 'A talk request is waiting',
  'talk.escalated.body': {
    one: 'A pupil’s request to talk has waited {count} minute of school time and no safeguarding adult has acknowledged it yet. Please find the DSL or a deputy now.',
    other:
      'A pupil’s request to talk has waited {count} minutes of school time and no safeguarding adult has acknowledged it yet. Please find the DSL or a deputy now.',
  },
  'talk.unreachableReport.title': 'Belong cannot message a safeguarding adult',
  'talk.unreachableReport.body':
    '{names} will not get talk requests until they open Belong in Teams. Please ask them to open it today.',
  'buddy.ask.title': 'Ask for a buddy',
  'buddy.ask.body':
    'A wellbeing ambassador on duty can look out for you and keep you company. They will see your first name and your class.',
  'buddy.ask.when': 'When?',
  'buddy.ask.nextDay': 'School is closed now. These are for {day}.',
  'buddy.ask.choice': '{period} ({places})',
  'buddy.ask.send': 'Ask for a buddy',
  'buddy.ask.worry': 'If something is worrying you, you can talk to a trusted adult instead.',
  'buddy.ask.choose': 'Choose when you would like a buddy.',
  'buddy.none.title': 'No ambassadors on duty',
  'buddy.none.body':
    'There are no wellbeing ambassadors on duty on {day}. You can ask an adult at school.',
  'buddy.sent.title': 'You asked for a buddy',
  'buddy.sent.body': 'An ambassador on duty will look out for you at {period} on {day}.',
  'buddy.already.body': 'You have already asked for a buddy at {period} on {day}.',
  'buddy.notice.title': 'Buddy request',
  'buddy.notice.body': '{name} from {class} would like a buddy at {period} ({places}) on {day}.',
  'buddy.notice.coordinator':
    'No ambassador on duty could be messaged, so this came to you. Please find someone to help.',
} as const;
