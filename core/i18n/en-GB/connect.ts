/**
 * Strings for Connect (prompts, schedules, the school calendar, CMHW), shared by cards (bot/) and
 * the tab. Keys are prefixed `connect.`. Teachers read most of these; pupils read the prompt card.
 */
export const enGBConnect = {
  'connect.theme.connection': 'Connection',
  'connect.theme.kindness': 'Kindness',
  'connect.theme.trust': 'Trust',
  'connect.theme.pupil_voice': 'Pupil voice',
  'connect.theme.belonging': 'This is my place',
  'connect.theme.peer_support': 'Peer support',
  'connect.format.discussion': 'Discussion',
  'connect.format.activity': 'Activity',
  'connect.format.reflection': 'Reflection',
  'connect.minutes': { one: '{count} minute', other: '{count} minutes' },
  'connect.phase.primary': 'Primary',
  'connect.phase.secondary': 'Secondary',

  'connect.weekday.1': 'Monday',
  'connect.weekday.2': 'Tuesday',
  'connect.weekday.3': 'Wednesday',
  'connect.weekday.4': 'Thursday',
  'connect.weekday.5': 'Friday',

  'connect.repeat.once': 'Once',
  'connect.repeat.daily': 'Every school day',
  'connect.repeat.weekly': 'Every week on chosen days',
  'connect.repeat.cmhw': 'Children’s Mental Health Week',

  'connect.post.replyHint': 'Reply in this thread. Be kind: everyone in the class can see it.',
  'connect.post.cmhwDay': 'Children’s Mental Health Week {year} · Day {day} · {theme}',

  'connect.problem.channelUnknown': 'That channel is not in this class team.',
  'connect.problem.timeFormat': 'The time must look like 08:50.',
  'connect.problem.timeRange': 'Posts go out between 06:00 and 21:00, school time.',
  'connect.problem.promptUnknown': 'There is no prompt with that name.',
  'connect.problem.cmhwUnknown': 'That Children’s Mental Health Week is not in Belong yet.',
  'connect.problem.cmhwOver': 'That Children’s Mental Health Week is over.',
  'connect.problem.cmhwRepeat': 'A Children’s Mental Health Week programme runs on its own week.',
  'connect.problem.dateInvalid': 'Please choose a real date.',
  'connect.problem.dateTooFar': 'The date is more than a year away.',
  'connect.problem.startPassed': 'The start date has passed.',
  'connect.problem.endBeforeStart': 'The end date is before the start date.',
  'connect.problem.repeatTooLong': 'A repeat can run for a year at most.',
  'connect.problem.weekdaysEmpty': 'Choose at least one weekday.',
  'connect.problem.weekdaysWeekend': 'Weekly posts go out Monday to Friday.',
  'connect.problem.timePassed': 'That time has already passed.',
  'connect.problem.noSchoolDays': 'There are no school days left in those dates.',
  'connect.problem.calendarName': 'Every term and closure needs a name.',
  'connect.problem.calendarDates': 'Every term and closure needs real dates.',
  'connect.problem.calendarOrder': 'A term or closure ends before it starts.',
  'connect.problem.calendarLength': 'A term or closure is longer than a school year.',
  'connect.problem.calendarOverlap': 'Two terms overlap.',
} as const;
