import type { Translation } from '../index.js';
import type { enGBConnect } from '../en-GB/connect.js';

export const cyConnect: Translation<typeof enGBConnect> = {
  'connect.theme.connection': 'Cysylltu',
  'connect.theme.kindness': 'Caredigrwydd',
  'connect.theme.trust': 'Ymddiriedaeth',
  'connect.theme.pupil_voice': 'Llais y disgybl',
  'connect.theme.belonging': 'Dyma fy lle i',
  'connect.theme.peer_support': 'Cefnogi ein gilydd',
  'connect.format.discussion': 'Trafodaeth',
  'connect.format.activity': 'Gweithgaredd',
  'connect.format.reflection': 'Myfyrio',
  'connect.minutes': {
    zero: '{count} munud',
    one: '{count} munud',
    two: '{count} funud',
    few: '{count} munud',
    many: '{count} munud',
    other: '{count} munud',
  },
  'connect.phase.primary': 'Cynradd',
  'connect.phase.secondary': 'Uwchradd',

  'connect.weekday.1': 'Dydd Llun',
  'connect.weekday.2': 'Dydd Mawrth',
  'connect.weekday.3': 'Dydd Mercher',
  'connect.weekday.4': 'Dydd Iau',
  'connect.weekday.5': 'Dydd Gwener',

  'connect.repeat.once': 'Unwaith',
  'connect.repeat.daily': 'Bob diwrnod ysgol',
  'connect.repeat.weekly': 'Bob wythnos ar y dyddiau a ddewiswyd',
  'connect.repeat.cmhw': 'Wythnos Iechyd Meddwl Plant',

  'connect.post.replyHint':
    'Atebwch yn yr edefyn hwn. Byddwch yn garedig: mae pawb yn y dosbarth yn gallu ei weld.',
  'connect.post.cmhwDay': 'Wythnos Iechyd Meddwl Plant {year} · Diwrnod {day} · {theme}',

  'connect.problem.channelUnknown': 'Nid yw’r sianel honno yn y tîm dosbarth hwn.',
  'connect.problem.timeFormat': 'Rhaid i’r amser edrych fel 08:50.',
  'connect.problem.timeRange': 'Mae negeseuon yn mynd allan rhwng 06:00 a 21:00, amser yr ysgol.',
  'connect.problem.promptUnknown': 'Does dim sbardun gyda’r enw hwnnw.',
  'connect.problem.cmhwUnknown': 'Nid yw’r Wythnos Iechyd Meddwl Plant honno yn Perthyn eto.',
  'connect.problem.cmhwOver': 'Mae’r Wythnos Iechyd Meddwl Plant honno wedi gorffen.',
  'connect.problem.cmhwRepeat':
    'Mae rhaglen Wythnos Iechyd Meddwl Plant yn rhedeg yn ei hwythnos ei hun.',
  'connect.problem.dateInvalid': 'Dewiswch ddyddiad go iawn.',
  'connect.problem.dateTooFar': 'Mae’r dyddiad fwy na blwyddyn i ffwrdd.',
  'connect.problem.startPassed': 'Mae’r dyddiad dechrau wedi mynd heibio.',
  'connect.problem.endBeforeStart': 'Mae’r dyddiad gorffen cyn y dyddiad dechrau.',
  'connect.problem.repeatTooLong': 'Gall ailadrodd redeg am flwyddyn ar y mwyaf.',
  'connect.problem.weekdaysEmpty': 'Dewiswch o leiaf un diwrnod o’r wythnos.',
  'connect.problem.weekdaysWeekend':
    'Mae negeseuon wythnosol yn mynd allan o ddydd Llun i ddydd Gwener.',
  'connect.problem.timePassed': 'Mae’r amser hwnnw wedi mynd heibio yn barod.',
  'connect.problem.noSchoolDays': 'Does dim diwrnodau ysgol ar ôl yn y dyddiadau hynny.',
  'connect.problem.calendarName': 'Mae angen enw ar bob tymor a chyfnod cau.',
  'connect.problem.calendarDates': 'Mae angen dyddiadau go iawn ar bob tymor a chyfnod cau.',
  'connect.problem.calendarOrder': 'Mae tymor neu gyfnod cau yn gorffen cyn iddo ddechrau.',
  'connect.problem.calendarLength': 'Mae tymor neu gyfnod cau yn hirach na blwyddyn ysgol.',
  'connect.problem.calendarOverlap': 'Mae dau dymor yn gorgyffwrdd.',
};
