import type { Translation } from '../types.js';
import type { enGBCheckinSchool } from '../en-GB/checkin-school.js';

export const cyCheckinSchool: Translation<typeof enGBCheckinSchool> = {
  'tab.trends.nav': 'Tueddiadau’r ysgol',
  'tab.trends.heading': 'Tueddiadau’r ysgol',
  'tab.trends.intro':
    'Sut atebodd disgyblion y gwiriadau ar draws yr ysgol, un cwestiwn ar y tro. Dydy grwpiau llai na {k} byth yn cael eu dangos, fel na all neb weithio allan sut atebodd un disgybl.',
  'tab.trends.loading': 'Wrthi’n llwytho tueddiadau’r ysgol…',
  'tab.trends.forOthers':
    'Mae tueddiadau’r ysgol ar gyfer yr arweinydd llesiant. Gofynnwch iddyn nhw os hoffech chi wybod sut mae’r ysgol yn gwneud.',
  'tab.trends.adminNote':
    'Mae’r tueddiadau ar gyfer yr arweinydd llesiant. Fel gweinyddwr, gallwch newid gosodiadau’r gwiriadau yma.',

  'tab.trends.question': 'Cwestiwn',
  'tab.trends.question.mood': 'Hwyliau',
  'tab.trends.question.connected': 'Yn agos at eraill ac wedi’u cynnwys (rhan o’r dosbarth)',
  'tab.trends.question.safe': 'Yn ddiogel yn yr ysgol',
  'tab.trends.question.respected': 'Yn cael parch a gwerth',
  'tab.trends.question.purpose': 'Ymdeimlad o bwrpas',
  'tab.trends.question.included': 'Wedi’u cynnwys ym mywyd yr ysgol',
  'tab.trends.question.worries': 'Yn gwybod at bwy i fynd wrth boeni',
  'tab.trends.question.fair': 'Yn cael eu trin yn deg ac yn cael gwrandawiad',
  'tab.trends.question.learning': 'Yn mwynhau dysgu, gyda nodau',
  'tab.trends.question.friends': 'Ffrindiau a disgyblion eraill',
  'tab.trends.question.trusted-adult': 'Oedolyn yn yr ysgol maen nhw’n ymddiried ynddo',
  'tab.trends.question.other': 'Cwestiwn “{id}”',

  'tab.trends.period': 'Dangos',
  'tab.trends.period.week': 'Wythnosau',
  'tab.trends.period.term': 'Tymhorau',
  'tab.trends.period.hint':
    'Mae’r wythnosau’n dod o’r hwyliau dyddiol a’r pwls perthyn. Mae’r tymhorau’n dod o’r holiadur perthyn tymhorol yn unig: gofynnwch ef cyn ac ar ôl Wythnos Iechyd Meddwl Plant, er enghraifft, i gymharu.',
  'tab.trends.week': 'Wythnos {date}',

  'tab.trends.download': 'Lawrlwytho (CSV)',
  'tab.trends.downloadHint':
    'Ar gyfer llywodraethwyr a thystiolaeth arolygu: cyfrifon wedi’u talgrynnu i 5, rhifau cudd yn wag.',
  'tab.trends.empty.week': 'Does dim gwiriad wedi cau sydd wedi gofyn y cwestiwn hwn eto.',
  'tab.trends.empty.term':
    'Does dim holiadur tymhorol gyda’r cwestiwn hwn wedi cau eto. Mae’r tymhorau’n dangos yr holiadur perthyn tymhorol yn unig.',

  'tab.trends.table': '{question}: cyfran yr atebion ar 4–5, fesul {period}',
  'tab.trends.byWeek': 'wythnos',
  'tab.trends.byTerm': 'tymor',
  'tab.trends.group': 'Dosbarth neu grŵp',
  'tab.trends.classes': 'Dosbarthiadau',
  'tab.trends.yearGroups': 'Grwpiau blwyddyn',
  'tab.trends.school': 'Yr ysgol gyfan',
  'tab.trends.yearGroup.R': 'Derbyn',
  'tab.trends.yearGroup.year': 'Blwyddyn {year}',
  'tab.trends.yearGroup.notSet': 'Grŵp blwyddyn heb ei osod',
  'tab.trends.yearGroup.notInTotals': 'Ddim yng nghyfansymiau’r flwyddyn na’r ysgol',

  'tab.trends.cell.share': '{share}% ar 4–5',
  'tab.trends.cell.answers': { one: '{count} ateb', other: '{count} ateb' },
  'tab.trends.cell.rate': '{rate}% wedi ateb',
  'tab.trends.cell.rateWithheld': 'wedi ateb: yn gudd',
  'tab.trends.cell.withheld': 'yn gudd',
  'tab.trends.cell.splitWithheld': '4–5 yn gudd',
  'tab.trends.cell.none': 'dim gwiriad',

  'tab.trends.legend': 'Allwedd',
  'tab.trends.legend.bucket': '{from}–{to}% o’r atebion ar 4–5',
  'tab.trends.legend.withheld':
    'Yn gudd i ddiogelu grwpiau bach: llai na {k} ateb, neu rif a fyddai’n gadael i rywun weithio allan grŵp llai',
  'tab.trends.legend.none': 'Dim gwiriad wedi’i ofyn bryd hynny',
  'tab.trends.legend.scale':
    'Mae’r atebion ar raddfa o 1 i 5; 4–5 yw’r pen da (ar gyfer hwyliau, teimlo’n dda neu’n wych).',
  'tab.trends.legend.rate':
    '“Wedi ateb” (hwyliau yn unig): atebion ÷ (disgyblion × gwiriadau), i’r 10% agosaf.',

  'tab.trends.settings.heading': 'Gosodiadau’r gwiriadau',
  'tab.trends.settings.intro':
    'Mae’r rhain yn berthnasol i dueddiadau pob dosbarth ac i olwg yr ysgol.',
  'tab.trends.settings.loading': 'Wrthi’n llwytho gosodiadau’r gwiriadau…',
  'tab.trends.settings.k': 'Y grŵp lleiaf a ddangosir (k)',
  'tab.trends.settings.kHint':
    'Dydy grwpiau llai na hyn byth yn cael eu dangos: mae eu rhifau’n ymddangos fel “yn gudd”. Dewiswch 5 i 20. Mae rhif mwy yn diogelu disgyblion yn well, ond yn cuddio mwy.',
  'tab.trends.settings.yearGroups': 'Grŵp blwyddyn pob dosbarth',
  'tab.trends.settings.yearGroupsHint':
    'Mae grwpiau blwyddyn yn creu rhesi grwpiau blwyddyn y tueddiadau. Mae dosbarth heb un yn cael ei gyfrif dan “Grŵp blwyddyn heb ei osod”. Dewiswch “Ddim yng nghyfansymiau’r flwyddyn na’r ysgol” ar gyfer set neu glwb y mae ei ddisgyblion hefyd mewn dosbarth cofrestru, fel nad ydyn nhw’n cael eu cyfrif ddwywaith.',
  'tab.trends.settings.class': 'Dosbarth',
  'tab.trends.settings.yearGroup': 'Grŵp blwyddyn',
  'tab.trends.settings.yearGroupFor': 'Grŵp blwyddyn {name}',
  'tab.trends.settings.notSet': 'Heb ei osod',
  'tab.trends.settings.noClasses': 'Dydy Belong ddim mewn unrhyw dîm dosbarth eto.',
  'tab.trends.settings.save': 'Cadw’r gosodiadau',
  'tab.trends.settings.saving': 'Wrthi’n cadw…',
  'tab.trends.settings.saved':
    'Wedi’u cadw. Bydd wythnosau a thymhorau a ddangosir o hyn ymlaen yn defnyddio’r gosodiadau hyn; bydd y rhai a ddangoswyd eisoes yn aros fel yr oedden nhw.',

  'tab.trends.problem.kTooSmall': 'Rhaid i’r grŵp lleiaf a ddangosir fod yn 5 neu fwy.',
  'tab.trends.problem.kTooLarge': 'Rhaid i’r grŵp lleiaf a ddangosir fod yn 20 neu lai.',
  'tab.trends.problem.yearGroupUnknown':
    'Rhaid i grŵp blwyddyn fod yn Derbyn, yn Flwyddyn 1 i 13, neu ddim yn y cyfansymiau.',
  'tab.trends.problem.kNotNumber': 'Rhaid i’r grŵp lleiaf a ddangosir fod yn rhif cyfan, 5 i 20.',
  'tab.trends.problem.unreadable':
    'Doedd Belong ddim yn gallu darllen y gosodiadau hynny. Gwiriwch nhw, os gwelwch yn dda.',
  'tab.trends.problem.unknown': 'Mae angen newid rhywbeth yn y gosodiadau.',
} as const;
