import type { Translation } from '../types.js';
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
  'connect.problem.cmhwStart':
    'Dewiswch ddydd Llun ym mis Ionawr, Chwefror neu Fawrth y flwyddyn honno i’r wythnos ddechrau.',
  'connect.problem.cmhwTheme': 'Ysgrifennwch y thema mewn 1 i 80 nod, neu gadewch hi’n wag.',
  'connect.cmhw.themeTba': 'thema i’w chyhoeddi',
  'connect.problem.checkinUnknown': 'Does dim holiadur fel yna. Dewiswch un o’r rhestr.',
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
  'connect.problem.cmhwAlready':
    'Mae’r Wythnos Iechyd Meddwl Plant honno wedi’i chynllunio i’r dosbarth hwn yn barod.',
  'connect.problem.noSchoolDays': 'Does dim diwrnodau ysgol ar ôl yn y dyddiadau hynny.',
  'connect.problem.calendarName': 'Mae angen enw ar bob tymor a chyfnod cau.',
  'connect.problem.calendarDates': 'Mae angen dyddiadau go iawn ar bob tymor a chyfnod cau.',
  'connect.problem.calendarOrder': 'Mae tymor neu gyfnod cau yn gorffen cyn iddo ddechrau.',
  'connect.problem.calendarLength': 'Mae tymor neu gyfnod cau yn hirach na blwyddyn ysgol.',
  'connect.problem.calendarOverlap': 'Mae dau dymor yn gorgyffwrdd.',

  'connect.card.teachersOnly.title': 'Mae hwn ar gyfer athrawon',
  'connect.card.teachersOnly.body':
    'Dim ond eich athro sy’n gallu cynllunio negeseuon i’r dosbarth. Gallwch chi ateb negeseuon yn eu hedefynnau.',
  'connect.card.staffRefused.title': 'Mae hwn ar gyfer athrawon y dosbarth',
  'connect.card.staffRefused.posts':
    'Athrawon y dosbarth (perchnogion y tîm), yr arweinydd llesiant a gweinyddwr yr ysgol sy’n cynllunio negeseuon i’r dosbarth hwn.',
  'connect.card.staffRefused.ask':
    'Gofynnwch i un ohonyn nhw, neu gofynnwch i weinyddwr eich ysgol os dylai eich rôl yn Belong adael i chi wneud hyn.',
  'connect.card.teamOnly.title': 'Defnyddiwch hwn mewn tîm dosbarth',
  'connect.card.teamOnly.body':
    'Teipiwch hwn mewn sianel yn eich tîm dosbarth, er mwyn i mi wybod pa ddosbarth rydych chi’n ei olygu.',
  'connect.card.prompts.title': 'Sbardunau cysylltu',
  'connect.card.prompts.intro':
    'Postiwch sbardun nawr neu ei amserlennu. Mae disgyblion yn ateb yn yr edefyn.',
  'connect.card.prompts.theme': 'Thema',
  'connect.card.prompts.keyStage': 'Cyfnod allweddol',
  'connect.card.prompts.anyTheme': 'Unrhyw thema',
  'connect.card.prompts.anyKeyStage': 'Unrhyw gyfnod allweddol',
  'connect.card.prompts.filter': 'Dangos sbardunau',
  'connect.card.prompts.none':
    'Does dim sbardunau’n cyfateb. Rhowch gynnig ar thema neu gyfnod allweddol arall.',
  'connect.card.prompts.shown': 'Yn dangos {shown} o {count}. Dewiswch thema i weld eraill.',
  'connect.card.prompts.postNow': 'Postio nawr',
  'connect.card.prompts.schedule': 'Amserlennu…',
  'connect.card.prompts.posted': 'Yn ei bostio yn {channel} nawr, fel edefyn newydd.',
  'connect.card.schedule.title': 'Amserlennu neges',
  'connect.card.schedule.prompt': 'Sbardun',
  'connect.card.schedule.channel': 'Sianel',
  'connect.card.schedule.repeat': 'Pa mor aml',
  'connect.card.schedule.date': 'Dyddiad (neu’r diwrnod cyntaf)',
  'connect.card.schedule.end': 'Diwrnod olaf (gadewch yn wag tan ddiwedd y tymor)',
  'connect.card.schedule.weekdays': 'Dyddiau (ar gyfer negeseuon wythnosol)',
  'connect.card.schedule.time': 'Amser (amser yr ysgol)',
  'connect.card.schedule.submit': 'Amserlennu',
  'connect.card.schedule.problems': 'Newidiwch hyn a rhowch gynnig arall arni:',
  'connect.card.scheduled.title': 'Wedi’i amserlennu',
  'connect.card.scheduled.next': 'Mae’r neges gyntaf yn mynd allan {when} yn {channel}.',
  'connect.card.scheduled.seeAll': 'Teipiwch schedules i weld neu ganslo negeseuon.',
  'connect.card.schedules.title': 'Negeseuon wedi’u cynllunio i’r dosbarth hwn',
  'connect.card.schedules.none':
    'Does dim wedi’i gynllunio eto. Teipiwch prompts neu schedule i gynllunio neges.',
  'connect.card.schedules.next': 'Nesaf: {when}',
  'connect.card.schedules.cancel': 'Canslo',
  'connect.card.schedules.cancelled':
    'Wedi’i ganslo. Fydd dim byd arall yn cael ei bostio ar ei gyfer.',
  'connect.card.schedules.more': 'A {count} arall yn y tab Perthyn.',
  'connect.card.cmhw.title': 'Wythnos Iechyd Meddwl Plant {year}: {theme}',
  'connect.card.cmhw.intro':
    'Un sbardun y dydd, dydd Llun {start} i ddydd Gwener {end}, fel edefyn newydd yn y sianel a ddewiswch.',
  'connect.card.cmhw.provisional':
    'Nid yw Place2Be wedi cyhoeddi {year} eto: dyma’r dyddiadau tebygol (wythnos lawn gyntaf mis Chwefror) a phum diwrnod o sbardunau Perthyn. Pan fydd {year} yn cael ei ychwanegu at Perthyn, bydd eich cynllun yn cymryd dyddiadau, thema a diwrnodau Place2Be. I ddewis dyddiadau eraill, defnyddiwch y cynllunydd CMHW yn y tab Perthyn.',
  'connect.card.cmhw.theme': 'Thema eich ysgol (dewisol)',
  'connect.card.cmhw.themeHint':
    'Gadewch hi’n wag i ddangos thema Place2Be pan gaiff ei chyhoeddi.',
  'connect.card.cmhw.phase': 'Grŵp oedran',
  'connect.card.cmhw.submit': 'Rhedeg wythnos CMHW yn y dosbarth hwn',
  'connect.card.cmhw.unknown':
    'Nid yw’r Wythnos Iechyd Meddwl Plant nesaf yn Perthyn eto. Bydd ei dyddiadau a’i thema’n dod mewn diweddariad.',
};
