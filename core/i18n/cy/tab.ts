import type { Translation } from '../types.js';
import type { enGBTab } from '../en-GB/tab.js';

/** Welsh strings for the tab. Pupils read some of these: keep them short and plain. */
export const cyTab: Translation<typeof enGBTab> = {
  'tab.title': 'Perthyn',

  'tab.language.other': 'English',
  'tab.switchPerson': 'Newid person',

  'tab.loading.start': 'Wrthi’n agor yr ap Perthyn…',
  'tab.loading.home': 'Wrthi’n llwytho eich manylion…',
  'tab.loading.people': 'Wrthi’n llwytho’r bobl…',
  'tab.loading.signIn': 'Wrthi’n mewngofnodi fel {name}…',

  'tab.picker.heading': 'Dewiswch pwy ydych chi',
  'tab.picker.intro':
    'Dyma’r ysgol enghreifftiol ar y cyfrifiadur hwn. Dewiswch berson i weld yr ap Perthyn fel mae’r person hwnnw yn ei weld.',
  'tab.picker.expired': 'Mae eich mewngofnodi wedi dod i ben. Dewiswch berson eto.',
  'tab.picker.empty': 'Does dim pobl yn yr ysgol enghreifftiol.',

  'tab.persona.teacher': 'Athro',
  'tab.persona.pupil': 'Disgybl',
  'tab.persona.ambassador': 'Llysgennad llesiant (disgybl)',
  'tab.persona.coordinator': 'Cydlynydd y llysgenhadon',
  'tab.persona.wellbeing_lead': 'Arweinydd llesiant',
  'tab.persona.dsl': 'Arweinydd diogelu dynodedig',
  'tab.persona.deputy_dsl': 'Dirprwy arweinydd diogelu',
  'tab.persona.admin': 'Gweinyddwr yr ysgol',

  'tab.role.teacher': 'Athro',
  'tab.role.teacherIn': 'Athro yn {team}',
  'tab.role.pupil': 'Disgybl',
  'tab.role.pupilIn': 'Disgybl yn {team}',
  'tab.role.admin': 'Gweinyddwr yr ysgol',
  'tab.role.dsl': 'Arweinydd diogelu dynodedig',
  'tab.role.deputy_dsl': 'Dirprwy arweinydd diogelu dynodedig',
  'tab.role.wellbeing_lead': 'Arweinydd llesiant',
  'tab.role.coordinator': 'Cydlynydd y llysgenhadon',
  'tab.role.ambassador': 'Llysgennad llesiant',

  'tab.home.hello': 'Helo, {name}',
  'tab.home.rolesHeading': 'Eich rolau',
  'tab.home.noRoles': 'Does gennych chi ddim rôl yn yr ap Perthyn eto.',
  'tab.home.teamsHeading': 'Eich timau dosbarth',
  'tab.home.teamsEmpty': 'Dydy’r ap Perthyn ddim yn unrhyw un o’ch timau dosbarth eto',
  'tab.home.channels': 'Sianeli',
  'tab.home.addedOn': 'Cafodd yr ap Perthyn ei ychwanegu ar {date}',

  'tab.connect.nav.label': 'Perthyn',
  'tab.connect.nav.home': 'Hafan',
  'tab.connect.nav.posts': 'Negeseuon',
  'tab.connect.nav.calendar': 'Calendr yr ysgol',
  'tab.connect.nav.cmhw': 'Wythnos CMHW',

  'tab.connect.and': 'a',
  'tab.connect.dateAt': '{date} am {time}',
  'tab.connect.language.en-GB': 'English',
  'tab.connect.language.cy': 'Cymraeg',
  'tab.connect.problems': 'Newidiwch hyn a rhowch gynnig arall arni:',
  'tab.connect.problem.unreadable':
    'Doedd yr ap Perthyn ddim yn gallu darllen hynny. Gwiriwch bob blwch a rhowch gynnig arall arni.',
  'tab.connect.problem.unknown': 'Mae angen newid rhywbeth yn y ffurflen.',

  'tab.connect.posts.loading': 'Wrthi’n llwytho’r negeseuon…',
  'tab.connect.posts.heading': 'Negeseuon ar gyfer {team}',
  'tab.connect.posts.headingNoClass': 'Negeseuon',
  'tab.connect.posts.intro':
    'Cynlluniwch negeseuon cysylltu ar gyfer eich dosbarth. Mae’r ap Perthyn yn postio pob un fel edefyn newydd yn y sianel a ddewiswch.',
  'tab.connect.posts.class': 'Dosbarth',
  'tab.connect.posts.noClass':
    'Gallwch gynllunio negeseuon ar gyfer y dosbarthiadau rydych chi’n eu dysgu. Dydy’r ap Perthyn ddim yn unrhyw un ohonyn nhw eto.',

  'tab.connect.schedules.heading': 'Negeseuon wedi’u cynllunio',
  'tab.connect.schedules.empty': 'Does dim byd wedi’i gynllunio ar gyfer y dosbarth hwn eto.',
  'tab.connect.schedules.channel': 'Sianel',
  'tab.connect.schedules.when': 'Pryd',
  'tab.connect.schedules.next': 'Y neges nesaf',
  'tab.connect.schedules.noNext': 'Dim rhagor o negeseuon',
  'tab.connect.schedules.recent': 'Negeseuon diweddar',
  'tab.connect.status.active': 'Yn weithredol',
  'tab.connect.status.ended': 'Wedi gorffen',
  'tab.connect.status.cancelled': 'Wedi’i ganslo',

  'tab.connect.what.cmhw': 'CMHW {year} · {phase}',
  'tab.connect.what.unknown': 'Neges sydd ddim yn yr ap Perthyn bellach',
  'tab.connect.when.once': 'Unwaith, ar {date} am {time}',
  'tab.connect.when.daily': 'Bob diwrnod ysgol am {time}, o {start}',
  'tab.connect.when.dailyUntil': 'Bob diwrnod ysgol am {time}, o {start} i {end}',
  'tab.connect.when.weekly': 'Bob {days} am {time}, o {start}',
  'tab.connect.when.weeklyUntil': 'Bob {days} am {time}, o {start} i {end}',
  'tab.connect.when.cmhw': 'Bob diwrnod ysgol yn Wythnos Iechyd Meddwl Plant {year} am {time}',

  'tab.connect.skipped.missed': 'Heb ei phostio: doedd yr ap Perthyn ddim yn rhedeg ar y pryd.',
  'tab.connect.skipped.teamRemoved':
    'Heb ei phostio: cafodd yr ap Perthyn ei dynnu o’r tîm dosbarth.',
  'tab.connect.skipped.channelGone': 'Heb ei phostio: cafodd y sianel ei dileu.',
  'tab.connect.skipped.safeguardingNotReady':
    'Heb ei anfon: mae angen dau oedolyn diogelu ar eich ysgol sy’n gallu cael negeseuon gan yr ap Perthyn.',
  'tab.connect.skipped.other': 'Heb ei phostio.',
  'tab.connect.progress.checking': 'Wrthi’n gwirio…',
  'tab.connect.progress.waiting': 'Yn aros i’w hanfon',
  'tab.connect.progress.sending': 'Wrthi’n anfon…',
  'tab.connect.progress.posted': 'Wedi’i phostio',
  'tab.connect.progress.removed': 'Methu postio: cafodd y bot ei dynnu',
  'tab.connect.progress.failed': 'Methu postio: gwrthododd Teams hi',
  'tab.connect.progress.unknown': 'Doedd dim modd gwirio’r neges hon',

  'tab.connect.cancel.button': 'Canslo',
  'tab.connect.cancel.buttonLabel': 'Canslo “{what}”',
  'tab.connect.cancel.title': 'Canslo’r amserlen hon?',
  'tab.connect.cancel.body':
    'Fydd dim rhagor o negeseuon yn mynd allan ar gyfer “{what}”. Bydd y negeseuon sydd yn y sianel yn barod yn aros yno.',
  'tab.connect.cancel.confirm': 'Canslo’r amserlen',
  'tab.connect.cancel.keep': 'Ei chadw',
  'tab.connect.cancel.done': 'Wedi’i chanslo. Fydd dim byd arall yn cael ei bostio ar ei chyfer.',

  'tab.connect.upcoming.heading': 'Yn dod cyn bo hir',
  'tab.connect.upcoming.empty': 'Does dim negeseuon ar y ffordd.',

  'tab.connect.form.heading': 'Neges newydd',
  'tab.connect.form.editHeading': 'Newid neges',
  'tab.connect.form.save': 'Cadw’r newidiadau',
  'tab.connect.form.stopEditing': 'Stopio newid',
  'tab.connect.edit.buttonLabel': 'Newid “{what}”',
  'tab.connect.edit.button': 'Newid',
  'tab.connect.form.repeat': 'Pa mor aml',
  'tab.connect.form.theme': 'Thema',
  'tab.connect.form.anyTheme': 'Unrhyw thema',
  'tab.connect.form.keyStage': 'Cyfnod allweddol',
  'tab.connect.form.anyKeyStage': 'Unrhyw gyfnod allweddol',
  'tab.connect.form.prompt': 'Neges',
  'tab.connect.form.noPrompts':
    'Does dim negeseuon yn cyfateb. Rhowch gynnig ar thema neu gyfnod allweddol arall.',
  'tab.connect.form.needPrompt': 'Dewiswch neges.',
  'tab.connect.form.channel': 'Sianel',
  'tab.connect.form.date': 'Dyddiad',
  'tab.connect.form.start': 'Diwrnod cyntaf',
  'tab.connect.form.end': 'Diwrnod olaf (dewisol)',
  'tab.connect.form.weekdays': 'Dyddiau',
  'tab.connect.form.time': 'Amser (amser yr ysgol)',
  'tab.connect.form.year': 'Wythnos',
  'tab.connect.form.phase': 'Grŵp oedran',
  'tab.connect.form.language': 'Iaith y neges',
  'tab.connect.form.submit': 'Amserlennu',
  'tab.connect.form.saving': 'Wrthi’n amserlennu…',
  'tab.connect.form.created': 'Wedi’i hamserlennu. Y neges nesaf: {when}.',
  'tab.connect.form.createdNoNext': 'Wedi’i hamserlennu.',

  'tab.connect.cmhw.none':
    'Dydy Wythnos Iechyd Meddwl Plant nesaf ddim yn yr ap Perthyn eto. Bydd ei dyddiadau a’i thema yn dod mewn diweddariad; wedyn gallwch ei chynllunio yma.',
  'tab.connect.cmhw.week': '{year}: {theme} ({start} i {end})',

  'tab.connect.cmhw.provisionalTitle': 'Nid yw Place2Be wedi cyhoeddi {year} eto',
  'tab.connect.cmhw.provisional':
    'Gallwch ei chynllunio nawr. Mae Perthyn yn defnyddio’r dyddiadau tebygol (wythnos lawn gyntaf mis Chwefror) a phum diwrnod o’i sbardunau, a’r thema yw “i’w chyhoeddi” oni bai eich bod yn ysgrifennu eich thema eich hun. Pan fydd {year} yn cael ei ychwanegu at Perthyn, bydd cynllun ar y dyddiadau tebygol yn symud i ddyddiadau a diwrnodau Place2Be, a bydd un heb eich thema eich hun yn dangos thema Place2Be.',
  'tab.connect.cmhw.start': 'Yr wythnos yn dechrau (dydd Llun)',
  'tab.connect.cmhw.startHint':
    'Newidiwch hyn os yw eich ysgol yn cynnal yr wythnos ar ddyddiadau eraill.',
  'tab.connect.preview.heading': 'Rhagolwg',
  'tab.connect.preview.intro': 'Dyma’r cerdyn bydd yr ap Perthyn yn ei bostio.',
  'tab.connect.preview.cmhwIntro': 'Dyma’r cerdyn bydd yr ap Perthyn yn ei bostio ar y dydd Llun.',
  'tab.connect.preview.none': 'Dewiswch neges i weld y cerdyn.',
  'tab.connect.preview.loading': 'Wrthi’n llunio’r cerdyn…',
  'tab.connect.preview.failed': 'Doedd dim modd llunio’r rhagolwg.',
  'tab.connect.preview.label': 'Rhagolwg o’r cerdyn',

  'tab.connect.calendar.loading': 'Wrthi’n llwytho calendr yr ysgol…',
  'tab.connect.calendar.heading': 'Calendr yr ysgol',
  'tab.connect.calendar.intro':
    'Mae negeseuon sy’n mynd allan bob diwrnod ysgol neu bob wythnos yn hepgor gwyliau, diwrnodau HMS a chyfnodau cau eraill. Mae’r dyddiadau yn amser yr ysgol ({timeZone}).',
  'tab.connect.calendar.noTerms':
    'Does dim dyddiadau tymor eto. Nes i chi eu hychwanegu, mae pob diwrnod o’r wythnos yn cyfrif fel diwrnod ysgol.',
  'tab.connect.calendar.terms': 'Tymhorau',
  'tab.connect.calendar.closures': 'Gwyliau a chyfnodau cau',
  'tab.connect.calendar.none': 'Dim eto.',
  'tab.connect.calendar.name': 'Enw',
  'tab.connect.calendar.kind': 'Math',
  'tab.connect.calendar.start': 'Diwrnod cyntaf',
  'tab.connect.calendar.end': 'Diwrnod olaf',
  'tab.connect.calendar.remove': 'Tynnu',
  'tab.connect.calendar.term': 'tymor {n}',
  'tab.connect.calendar.closure': 'cyfnod cau {n}',
  'tab.connect.calendar.cell': '{field}, {row}',
  'tab.connect.calendar.removeRow': 'Tynnu {row}',
  'tab.connect.calendar.addTerm': 'Ychwanegu tymor',
  'tab.connect.calendar.addClosure': 'Ychwanegu cyfnod cau',
  'tab.connect.calendar.save': 'Cadw',
  'tab.connect.calendar.saving': 'Wrthi’n cadw…',
  'tab.connect.calendar.saved':
    'Wedi’i gadw. Mae negeseuon diwrnod ysgol yn dilyn y calendr newydd.',
  'tab.connect.closure.holiday': 'Gwyliau',
  'tab.connect.closure.inset': 'Diwrnod HMS',
  'tab.connect.closure.bank_holiday': 'Gŵyl banc',
  'tab.connect.closure.closure': 'Cyfnod cau arall',

  'tab.connect.planner.loading': 'Wrthi’n llwytho Wythnos Iechyd Meddwl Plant…',
  'tab.connect.planner.heading': 'Wythnos Iechyd Meddwl Plant',
  'tab.connect.planner.intro':
    'Cynlluniwch yr wythnos ar gyfer llawer o ddosbarthiadau ar unwaith. Mae pob dosbarth yn cael un neges y dydd, dydd Llun i ddydd Gwener, fel edefyn newydd yn ei sianel.',
  'tab.connect.planner.classes': 'Dosbarthiadau',
  'tab.connect.planner.noClasses': 'Dydy’r ap Perthyn ddim mewn unrhyw dîm dosbarth eto.',
  'tab.connect.planner.include': 'Cynllunio ar gyfer {team}',
  'tab.connect.planner.channel': 'Sianel ar gyfer {team}',
  'tab.connect.planner.time': 'Amser ar gyfer {team}',
  'tab.connect.planner.phase': 'Grŵp oedran ar gyfer {team}',
  'tab.connect.planner.noChannels': 'Dydy’r ap Perthyn ddim yn gwybod am sianeli yn {team} eto.',
  'tab.connect.planner.pickClass': 'Dewiswch o leiaf un dosbarth.',
  'tab.connect.planner.plan': 'Cynllunio’r wythnos',
  'tab.connect.planner.planning': 'Wrthi’n cynllunio…',
  'tab.connect.planner.planned': {
    zero: 'Wedi’i chynllunio ar gyfer {count} dosbarth:',
    one: 'Wedi’i chynllunio ar gyfer {count} dosbarth:',
    two: 'Wedi’i chynllunio ar gyfer {count} ddosbarth:',
    few: 'Wedi’i chynllunio ar gyfer {count} dosbarth:',
    many: 'Wedi’i chynllunio ar gyfer {count} dosbarth:',
    other: 'Wedi’i chynllunio ar gyfer {count} dosbarth:',
  },
  'tab.connect.planner.plannedClass': '{team}: {channel} am {time}',

  'tab.error.title': 'Aeth rhywbeth o’i le',
  'tab.error.retry': 'Rhowch gynnig arall arni',
  'tab.error.network':
    'Doedd dim modd cysylltu â’r ap Perthyn. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'tab.error.server': 'Cafodd yr ap Perthyn broblem. Rhowch gynnig arall arni mewn munud.',
  'tab.error.forbidden': 'Does gennych chi ddim mynediad at hyn.',
  'tab.error.sso':
    'Doedd Teams ddim yn gallu eich mewngofnodi i’r ap Perthyn. Rhowch gynnig arall arni. Os nad yw’n gweithio o hyd, dywedwch wrth dîm TG eich ysgol.',

  'tab.openInTeams.heading': 'Agorwch yr ap Perthyn yn Microsoft Teams',
  'tab.openInTeams.body':
    'Mae’r ap Perthyn yn gweithio y tu mewn i Microsoft Teams. Agorwch ef o’ch tîm dosbarth neu o Apiau yn Teams.',

  'tab.config.heading': 'Ychwanegu’r ap Perthyn at y tîm dosbarth hwn',
  'tab.config.inTeams':
    'Dewiswch Cadw i ychwanegu’r ap Perthyn fel tab yn y tîm dosbarth hwn. Bydd pawb yn y tîm yn gallu ei agor.',
  'tab.config.outside':
    'Mae athro yn defnyddio’r dudalen hon i ychwanegu’r ap Perthyn at dîm dosbarth yn Microsoft Teams. I’w ychwanegu, agorwch eich tîm dosbarth yn Teams, dewiswch + ar frig sianel a dewiswch Perthyn.',
  'tab.config.failed': 'Doedd Teams ddim yn gallu cadw’r tab. Rhowch gynnig arall arni.',

  'tab.sso.consent':
    'Mae angen caniatâd ar yr ap Perthyn i’ch mewngofnodi. Gofynnwch i dîm TG eich ysgol ganiatáu’r ap Perthyn i bawb yn yr ysgol, yna rhowch gynnig arall arni.',
  'tab.sso.guest':
    'Rydych chi yn Teams fel gwestai o sefydliad arall. Dim ond gyda’ch cyfrif ysgol y mae’r ap Perthyn yn gweithio. Newidiwch i’ch cyfrif ysgol yn Teams, yna agorwch yr ap Perthyn eto.',
  'tab.sso.tenant':
    'Dydy’r ap Perthyn hwn ddim wedi’i osod ar gyfer eich ysgol chi. Gofynnwch i dîm TG eich ysgol pa ap Perthyn i’w ddefnyddio.',

  'tab.class.sections': 'Rhannau tudalen y dosbarth',
  'tab.class.posts': 'Negeseuon',
  'tab.class.checkins': 'Holiaduron',
  'tab.class.channel': 'O’r sianel {channel}',
  'tab.class.pupilIntro': 'Dyma dudalen eich dosbarth. Dyma eich atebion chi i’r dosbarth hwn.',
  'tab.class.loading': 'Wrthi’n llwytho’r dosbarth…',
  'tab.class.notYours.title': 'Dydy tudalen y dosbarth hwn ddim i chi',
  'tab.class.notYours.body':
    'Dim ond athrawon a disgyblion {team}, a’r arweinydd llesiant, sy’n gallu defnyddio tudalen y dosbarth hwn.',
  'tab.class.notYours.bodyNoName':
    'Dim ond athrawon a disgyblion y dosbarth hwn, a’r arweinydd llesiant, sy’n gallu defnyddio tudalen y dosbarth hwn.',
  'tab.class.unknown.title': 'Dydy’r ap Perthyn ddim yn adnabod y tîm hwn eto',
  'tab.class.unknown.body':
    'Does gan yr ap Perthyn ddim cofnod o’r tîm hwn. Gofynnwch i athro sy’n berchen ar y tîm ychwanegu’r ap Perthyn ato eto: yn Teams, dewiswch Apiau, yna Perthyn, yna Ychwanegu at dîm.',
  'tab.class.whereTeams':
    'Mae eich rhan chi o’r ap Perthyn yn yr ap ei hun: dewiswch Perthyn ym mar apiau Teams.',
  'tab.class.whereHome': 'Mae eich rhan chi o’r ap Perthyn ar eich tudalen gartref.',
  'tab.class.home': 'Ewch i’ch tudalen gartref',
  'tab.class.choose.heading': 'Tudalennau dosbarth',
  'tab.class.choose.intro': 'Dewiswch ddosbarth i agor ei dudalen.',
  'tab.class.choose.empty':
    'Dydych chi ddim yn athro na disgybl mewn tîm dosbarth sydd â’r ap Perthyn.',
  'tab.class.open': 'Agor tudalen y dosbarth ar gyfer {team}',

  'tab.entry.rota.title': 'Mae’r rota ar gyfer llysgenhadon llesiant',
  'tab.entry.rota.pupil': 'Os hoffech chi fod yn llysgennad llesiant, gofynnwch i’ch athro.',
  'tab.entry.rota.staff':
    'Cydlynydd y llysgenhadon sy’n cynllunio’r rota. Os mai chi ddylai wneud hynny, gofynnwch i weinyddwr eich ysgol roi’r rôl i chi.',
  'tab.entry.inbox.pupil':
    'Mae’r dudalen hon ar gyfer yr oedolion sy’n cadw disgyblion yn ddiogel.',
  'tab.entry.inbox.staff':
    'Os ydych chi’n poeni am ddisgybl, dilynwch bolisi diogelu eich ysgol a dywedwch wrth eich arweinydd diogelu dynodedig heddiw.',
};
