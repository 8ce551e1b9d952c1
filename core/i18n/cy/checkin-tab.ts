import type { Translation } from '../types.js';
import type { enGBCheckinTab } from '../en-GB/checkin-tab.js';

export const cyCheckinTab: Translation<typeof enGBCheckinTab> = {
  'tab.checkins.nav.class': 'Holiaduron',
  'tab.checkins.nav.mine': 'Fy holiaduron',

  'tab.checkins.class.heading': 'Holiaduron {team}',
  'tab.checkins.class.headingNoClass': 'Holiaduron',
  'tab.checkins.class.noClass': 'Gallwch weld holiaduron y dosbarthiadau rydych chi’n eu dysgu.',
  'tab.checkins.class.intro':
    'Postiwch holiadur, gwelwch beth gafodd ei bostio a sut mae’r dosbarth yn teimlo dros amser. Fyddwch chi byth yn gweld pwy atebodd na beth ddywedodd un disgybl.',
  'tab.checkins.class.pick': 'Dosbarth',
  'tab.checkins.class.loading': 'Wrthi’n llwytho’r holiaduron…',

  'tab.checkins.post.heading': 'Postio holiadur nawr',
  'tab.checkins.post.template': 'Pa holiadur?',
  'tab.checkins.post.phase': 'Geiriau ar gyfer',
  'tab.checkins.post.phase.primary': 'Disgyblion iau (CA1–2)',
  'tab.checkins.post.phase.secondary': 'Disgyblion hŷn (CA3–4)',
  'tab.checkins.post.channel': 'Sianel',
  'tab.checkins.post.language': 'Iaith y cerdyn',
  'tab.checkins.post.submit': 'Postio nawr',
  'tab.checkins.post.posting': 'Wrthi’n postio…',
  'tab.checkins.post.posted':
    'Wedi’i bostio. Bydd yn ymddangos yn {channel} cyn hir ac yn cau {when}.',
  'tab.checkins.post.noChannels':
    'Does gan dîm y dosbarth ddim sianeli y gall Belong bostio ynddyn nhw.',
  'tab.checkins.preview.heading': 'Rhagolwg',
  'tab.checkins.preview.intro':
    'Dyma’r cerdyn y bydd Belong yn ei bostio. Yna bydd pob disgybl yn gweld ei ateb ei hun arno.',
  'tab.checkins.preview.label': 'Rhagolwg o gerdyn yr holiadur',
  'tab.checkins.preview.loading': 'Wrthi’n llunio’r cerdyn…',
  'tab.checkins.preview.failed': 'Doedd dim modd llunio’r rhagolwg.',

  'tab.checkins.recent.heading': 'Holiaduron diweddar',
  'tab.checkins.recent.empty': 'Does dim holiaduron wedi’u postio yn y dosbarth hwn eto.',
  'tab.checkins.recent.open': 'Ar agor tan {when}',
  'tab.checkins.recent.closed': 'Wedi cau {when}',
  'tab.checkins.recent.name': 'Holiadur',
  'tab.checkins.recent.date': 'Postiwyd',
  'tab.checkins.recent.status': 'Statws',

  'tab.checkins.trends.heading': 'Sut mae’r dosbarth yn teimlo',
  'tab.checkins.trends.privacy':
    'Mae rhif wedi’i guddio pan mae llai na {k} ateb yn ei wneud, neu pan fyddai ei ddangos yn gadael i rywun weithio allan grŵp llai, fel na all neb weithio allan sut atebodd un disgybl.',
  'tab.checkins.trends.empty':
    'Dim byd i’w ddangos eto. Bydd tueddiadau’n ymddangos yma ar ôl i holiadur gau.',
  'tab.checkins.trends.withheld': 'yn gudd',
  'tab.checkins.trends.pending':
    'Heb ei ddangos eto: {periods}. Mae wythnos neu dymor yn cael ei ddangos ar ôl iddo orffen a phan mae pob holiadur wedi cau, ac wedyn dydy e ddim yn newid.',
  'tab.checkins.trends.mood': 'Hwyliau fesul wythnos',
  'tab.checkins.trends.belonging': 'Perthyn fesul wythnos',
  'tab.checkins.trends.termly': 'Holiadur y tymor fesul tymor',
  'tab.checkins.trends.tableCaption': '{question}: y rhifau',
  'tab.checkins.trends.week': 'Wythnos {date}',
  'tab.checkins.trends.termFrom': 'Tymor o {date}',
  'tab.checkins.trends.period': 'Wythnos',
  'tab.checkins.trends.term': 'Tymor',
  'tab.checkins.trends.question': 'Cwestiwn',
  'tab.checkins.trends.answers': 'Atebion',
  'tab.checkins.trends.responseRate': 'Cyfradd ymateb',
  'tab.checkins.trends.rate': '{rate}%',
  'tab.checkins.trends.rateBeside': 'Cyfradd ymateb: {rate}',
  'tab.checkins.trends.hiddenPart': 'wedi’i guddio',
  'tab.checkins.trends.legend': 'Allwedd',
  'tab.checkins.trends.noBar': 'Wedi’i guddio: {withheld}',
  'tab.checkins.band.faces.low': 'Ofnadwy neu ddim yn wych',
  'tab.checkins.band.faces.mid': 'Iawn',
  'tab.checkins.band.faces.high': 'Da neu wych',
  'tab.checkins.band.statement.low': 'Isel (1–2)',
  'tab.checkins.band.statement.mid': 'Canol (3)',
  'tab.checkins.band.statement.high': 'Uchel (4–5)',

  'tab.checkins.question.mood': 'Hwyliau',
  'tab.checkins.question.connected': 'Yn agos ac wedi’u cynnwys',
  'tab.checkins.question.safe': 'Yn ddiogel',
  'tab.checkins.question.respected': 'Yn cael parch a gwerth',
  'tab.checkins.question.purpose': 'Ymdeimlad o bwrpas',
  'tab.checkins.question.included': 'Wedi’u cynnwys ym mywyd yr ysgol',
  'tab.checkins.question.worries': 'Yn gwybod pwy i ddweud wrtho am bryder',
  'tab.checkins.question.fair': 'Yn cael eu trin yn deg, yn cael gwrandawiad',
  'tab.checkins.question.learning': 'Dysgu a nodau',
  'tab.checkins.question.friends': 'Yn dod ymlaen â disgyblion eraill',
  'tab.checkins.question.trusted-adult': 'Ag oedolyn maen nhw’n ymddiried ynddo',

  'tab.checkins.posts.what': 'Beth i’w bostio',
  'tab.checkins.posts.prompt': 'Sbardun cysylltu',
  'tab.checkins.posts.checkin': 'Holiadur',
  'tab.checkins.posts.previewIntro':
    'Dyma gerdyn yr holiadur y bydd Belong yn ei bostio. Yna bydd pob disgybl yn gweld ei ateb ei hun arno.',

  'tab.checkins.mine.heading': 'Fy holiaduron',
  'tab.checkins.mine.privacy':
    'Dim ond ti sy’n gallu gweld y dudalen hon. Mae dy athro yn gweld sut mae’r dosbarth yn teimlo, nid dy enw di.',
  'tab.checkins.mine.loading': 'Wrthi’n nôl dy holiaduron…',
  'tab.checkins.mine.empty':
    'Dwyt ti ddim wedi ateb holiadur eto. Pan fyddi di’n ateb, bydd yn dangos yma.',
  'tab.checkins.mine.skipped': 'Fe wnest ti neidio drosto',
  'tab.checkins.mine.blank': 'Wnest ti ddim ateb hwn.',
  'tab.checkins.mine.open': 'Dal ar agor. Gelli di ei newid ar y cerdyn.',
  'tab.checkins.mine.when': '{date}, {team}',
} as const;
