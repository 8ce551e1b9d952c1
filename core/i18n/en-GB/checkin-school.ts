/**
 * The wellbeing lead's school view of check-in trends (heat map, year groups, terms, CSV) and the
 * check-in settings (k, year groups; also the admin's). Keys are prefixed `tab.trends.`. Staff
 * read these: plain words, and never a withheld number shown as 0.
 */
export const enGBCheckinSchool = {
  'tab.trends.nav': 'School trends',
  'tab.trends.heading': 'School trends',
  'tab.trends.intro':
    'How pupils answered check-ins across the school, one question at a time. Groups smaller than {k} are never shown, so that nobody can work out how one pupil answered.',
  'tab.trends.loading': 'Loading the school’s trends…',
  'tab.trends.forOthers':
    'School trends are for the wellbeing lead. Ask them if you would like to know how the school is doing.',
  'tab.trends.adminNote':
    'Trends are for the wellbeing lead. As the admin, you can change the check-in settings here.',

  'tab.trends.question': 'Question',
  'tab.trends.question.mood': 'Mood',
  'tab.trends.question.connected': 'Connected and included (part of the class)',
  'tab.trends.question.safe': 'Safe at school',
  'tab.trends.question.respected': 'Respected and valued',
  'tab.trends.question.purpose': 'A sense of purpose',
  'tab.trends.question.included': 'Included in school life',
  'tab.trends.question.worries': 'Knows who to go to when worried',
  'tab.trends.question.fair': 'Treated fairly and listened to',
  'tab.trends.question.learning': 'Enjoys learning, has goals',
  'tab.trends.question.friends': 'Friends and other pupils',
  'tab.trends.question.trusted-adult': 'An adult in school they trust',
  'tab.trends.question.other': 'Question “{id}”',

  'tab.trends.period': 'Show',
  'tab.trends.period.week': 'Weeks',
  'tab.trends.period.term': 'Terms',
  'tab.trends.period.hint':
    'Weeks come from the daily mood and the belonging pulse. Terms come from the termly belonging questionnaire only: ask it before and after Children’s Mental Health Week, for example, to compare.',
  'tab.trends.week': 'Week of {date}',

  'tab.trends.download': 'Download (CSV)',
  'tab.trends.downloadHint':
    'For governors and inspection evidence: counts rounded to 5, hidden numbers left blank.',
  'tab.trends.empty.week': 'No closed check-in has asked this question yet.',
  'tab.trends.empty.term':
    'No termly questionnaire with this question has closed yet. Terms show the termly belonging questionnaire only.',

  'tab.trends.table': '{question}: share of answers at 4–5, by {period}',
  'tab.trends.byWeek': 'week',
  'tab.trends.byTerm': 'term',
  'tab.trends.group': 'Class or group',
  'tab.trends.classes': 'Classes',
  'tab.trends.yearGroups': 'Year groups',
  'tab.trends.school': 'Whole school',
  'tab.trends.yearGroup.R': 'Reception',
  'tab.trends.yearGroup.year': 'Year {year}',
  'tab.trends.yearGroup.notSet': 'Year group not set',
  'tab.trends.yearGroup.notInTotals': 'Not in year or school totals',

  'tab.trends.cell.share': '{share}% at 4–5',
  'tab.trends.cell.answers': { one: '{count} answer', other: '{count} answers' },
  'tab.trends.cell.rate': '{rate}% answered',
  'tab.trends.cell.rateWithheld': 'answered: hidden',
  'tab.trends.cell.withheld': 'hidden',
  'tab.trends.cell.splitWithheld': '4–5 hidden',
  'tab.trends.cell.none': 'no check-in',

  'tab.trends.legend': 'Key',
  'tab.trends.legend.bucket': '{from}–{to}% of answers at 4–5',
  'tab.trends.legend.withheld':
    'Hidden to protect small groups: fewer than {k} answers, or a number that would let someone work out a smaller group',
  'tab.trends.legend.none': 'No check-in asked this then',
  'tab.trends.legend.scale':
    'Answers are on a scale of 1 to 5; 4–5 are the good end (for mood, feeling good or great).',
  'tab.trends.legend.rate':
    '“Answered” (mood only): answers ÷ (pupils × check-ins), to the nearest 10%.',

  'tab.trends.settings.heading': 'Check-in settings',
  'tab.trends.settings.intro': 'These apply to every class’s trends and to the school view.',
  'tab.trends.settings.loading': 'Loading the check-in settings…',
  'tab.trends.settings.k': 'Smallest group shown (k)',
  'tab.trends.settings.kHint':
    'Groups smaller than this are never shown: their numbers appear as “hidden”. Choose 5 to 20. A bigger number protects pupils more, but hides more.',
  'tab.trends.settings.yearGroups': 'Year group of each class',
  'tab.trends.settings.yearGroupsHint':
    'Year groups make the year-group rows of the trends. A class without one is counted under “Year group not set”. Choose “Not in year or school totals” for a set or a club whose pupils are also in a form class, so they are not counted twice.',
  'tab.trends.settings.class': 'Class',
  'tab.trends.settings.yearGroup': 'Year group',
  'tab.trends.settings.yearGroupFor': 'Year group for {name}',
  'tab.trends.settings.notSet': 'Not set',
  'tab.trends.settings.noClasses': 'Belong is not in any class team yet.',
  'tab.trends.settings.save': 'Save settings',
  'tab.trends.settings.saving': 'Saving…',
  'tab.trends.settings.saved':
    'Saved. Weeks and terms shown from now on use these settings; those already shown stay as they were.',

  'tab.trends.problem.kTooSmall': 'The smallest group shown must be 5 or more.',
  'tab.trends.problem.kTooLarge': 'The smallest group shown must be 20 or fewer.',
  'tab.trends.problem.yearGroupUnknown':
    'A year group must be Reception, Year 1 to 13, or not in the totals.',
  'tab.trends.problem.kNotNumber': 'The smallest group shown must be a whole number, 5 to 20.',
  'tab.trends.problem.unreadable': 'Belong could not read those settings. Please check them.',
  'tab.trends.problem.unknown': 'Something in the settings needs changing.',
} as const;
