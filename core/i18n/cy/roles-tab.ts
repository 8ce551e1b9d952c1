import type { Translation } from '../types.js';
import type { enGBRolesTab } from '../en-GB/roles-tab.js';

export const cyRolesTab: Translation<typeof enGBRolesTab> = {
  'tab.roles.nav': 'Rolau’r ysgol',
  'tab.roles.heading': 'Rolau’r ysgol',
  'tab.roles.intro':
    'Pwy sy’n gwneud beth yn Perthyn. Dim ond gweinyddwyr yr ysgol sy’n gallu newid hyn, ac mae pob newid yn cael ei gadw yn y log archwilio.',
  'tab.roles.loading': 'Wrthi’n llwytho rolau’r ysgol…',
  'tab.roles.forAdmins': 'Dim ond gweinyddwyr yr ysgol sy’n gallu gweld a rhoi rolau’r ysgol.',
  'tab.roles.holdersHeading': 'Pwy sydd â phob rôl',
  'tab.roles.about.dsl':
    'Yn cael ceisiadau disgyblion i siarad, gyda’u henw, ac yn gweithredu arnyn nhw.',
  'tab.roles.about.deputy_dsl':
    'Yn cael ceisiadau i siarad hefyd, fel nad oes disgybl byth yn cael ei adael i aros.',
  'tab.roles.about.wellbeing_lead':
    'Yn gweld tueddiadau holi’r ysgol gyfan, ac yn cael gwybod pan fydd cais i siarad yn aros yn rhy hir.',
  'tab.roles.about.coordinator': 'Yn rhedeg rota’r llysgenhadon llesiant.',
  'tab.roles.about.admin':
    'Yn rhoi rolau’r ysgol ac yn gosod yr ysgol. Mae gan yr ysgol o leiaf un bob amser.',
  'tab.roles.about.ambassador':
    'Disgyblion sydd wedi’u hyfforddi i gefnogi eraill. Mae’r cydlynydd yn eu rhoi ar y rota.',
  'tab.roles.nobody': 'Neb eto.',
  'tab.roles.unnamed': 'Rhywun heb enw yn y cyfeiriadur ({id})',
  'tab.roles.remove': 'Tynnu',
  'tab.roles.removeLabel': 'Tynnu {name} fel {role}',
  'tab.roles.saved': 'Wedi’i gadw: mae {name} bellach yn {roles}.',
  'tab.roles.savedNone': 'Wedi’i gadw: does gan {name} ddim rôl yn yr ysgol bellach.',
  'tab.roles.unchanged': 'Roedd gan {name} y rolau hyn yn barod. Newidiodd dim byd.',

  'tab.roles.add.heading': 'Rhoi rôl i rywun',
  'tab.roles.add.search': 'Chwilio am berson yn ôl enw',
  'tab.roles.add.searchHint': 'Teipiwch o leiaf 2 lythyren o’u henw.',
  'tab.roles.add.searchButton': 'Chwilio',
  'tab.roles.add.searching': 'Wrthi’n chwilio…',
  'tab.roles.add.results': 'Pobl a ddaeth i’r golwg',
  'tab.roles.add.none':
    'Does neb â’r enw hwnnw. Gwiriwch y sillafu, neu rhowch gynnig ar ran o’u henw.',
  'tab.roles.add.holds': 'Nawr: {roles}',
  'tab.roles.add.holdsNone': 'Dim rôl yn yr ysgol nawr',
  'tab.roles.add.choose': 'Rolau ar gyfer {name}',
  'tab.roles.add.chooseHint':
    'Ticiwch bob rôl y dylai fod ganddyn nhw. Dad-diciwch un i’w thynnu i ffwrdd.',
  'tab.roles.add.save': 'Cadw’r rolau',
  'tab.roles.add.saving': 'Wrthi’n cadw…',

  'tab.roles.problem.lastAdmin':
    'Rhaid i’r ysgol gadw o leiaf un gweinyddwr. Rhowch rôl y gweinyddwr i rywun arall yn gyntaf. Newidiodd dim byd.',
  'tab.roles.problem.ambassadorWithStaffRole':
    'Disgybl yw llysgennad llesiant, felly all fod ganddyn nhw ddim rôl staff hefyd. Newidiodd dim byd.',
  'tab.roles.problem.unknownRole': 'Nid yw honno’n rôl yn yr ysgol. Newidiodd dim byd.',
  'tab.roles.problem.userId':
    'Does dim modd dod o hyd i’r person hwnnw yn y cyfeiriadur. Newidiodd dim byd.',
  'tab.roles.problem.search':
    'Teipiwch rhwng 2 a 60 llythyren o enw: llythrennau, bylchau, cysylltnodau a chollnodau yn unig.',

  'tab.roles.readiness.heading': 'Parodrwydd diogelu',
  'tab.roles.readiness.ready':
    'Gall disgyblion ofyn am gael siarad ag oedolyn maen nhw’n ymddiried ynddo',
  'tab.roles.readiness.notReady':
    'All disgyblion ddim gofyn am gael siarad ag oedolyn maen nhw’n ymddiried ynddo eto',
  'tab.roles.readiness.rule':
    'Mae modd cynnig ceisiadau i siarad pan fydd modd anfon neges at o leiaf {needed} oedolyn diogelu: {reachable} o {needed} yn barod.',
  'tab.roles.readiness.people': 'Oedolion diogelu',
  'tab.roles.readiness.none': 'Does neb yn DSL nac yn ddirprwy DSL eto.',
  'tab.roles.readiness.personReady': '{name} ({role}) — yn barod.',
  'tab.roles.readiness.personNotOpened':
    '{name} ({role}) — heb agor Perthyn yn Teams eto: gofynnwch iddyn nhw agor ap Perthyn yn Teams.',
  'tab.roles.readiness.assign': {
    zero: 'Rhowch rôl y DSL neu’r dirprwy DSL i {count} person arall, isod.',
    one: 'Rhowch rôl y DSL neu’r dirprwy DSL i 1 person arall, isod.',
    two: 'Rhowch rôl y DSL neu’r dirprwy DSL i {count} berson arall, isod.',
    few: 'Rhowch rôl y DSL neu’r dirprwy DSL i {count} pherson arall, isod.',
    many: 'Rhowch rôl y DSL neu’r dirprwy DSL i {count} pherson arall, isod.',
    other: 'Rhowch rôl y DSL neu’r dirprwy DSL i {count} person arall, isod.',
  },
  'tab.roles.readiness.refresh': 'Gwirio eto',

  'tab.audit.nav': 'Log archwilio',
  'tab.audit.heading': 'Log archwilio',
  'tab.audit.intro':
    'Pob tro yr edrychwyd ar gais i siarad neu y gweithredwyd arno, a phob newid i rolau’r ysgol, y mwyaf newydd yn gyntaf. All neb ei newid na’i ddileu yn Perthyn.',
  'tab.audit.loading': 'Wrthi’n llwytho’r log archwilio…',
  'tab.audit.forbidden':
    'Dim ond gweinyddwyr yr ysgol, y DSL a’r dirprwy DSLs sy’n gallu darllen y log archwilio.',
  'tab.audit.checkOk': {
    zero: 'Mae’r cofnod yn gyflawn a heb ei newid: gwiriwyd {count} cofnod.',
    one: 'Mae’r cofnod yn gyflawn a heb ei newid: gwiriwyd {count} cofnod.',
    two: 'Mae’r cofnod yn gyflawn a heb ei newid: gwiriwyd y {count} gofnod.',
    few: 'Mae’r cofnod yn gyflawn a heb ei newid: gwiriwyd pob un o’r {count} cofnod.',
    many: 'Mae’r cofnod yn gyflawn a heb ei newid: gwiriwyd pob un o’r {count} chofnod.',
    other: 'Mae’r cofnod yn gyflawn a heb ei newid: gwiriwyd pob un o’r {count} cofnod.',
  },
  'tab.audit.checkOkTitle': 'Iawn',
  'tab.audit.checkBrokenTitle': 'Ddim yn iawn',
  'tab.audit.checkBroken':
    'Mae’r cofnod wedi cael ei newid yng nghofnod {n}: dywedwch wrth eich gweinyddwr TG.',
  'tab.audit.empty': 'Does dim byd wedi’i gofnodi eto.',
  'tab.audit.shown': {
    zero: 'Yn dangos y {count} cofnod mwyaf newydd.',
    one: 'Yn dangos y cofnod mwyaf newydd.',
    two: 'Yn dangos y {count} gofnod mwyaf newydd.',
    few: 'Yn dangos y {count} cofnod mwyaf newydd.',
    many: 'Yn dangos y {count} chofnod mwyaf newydd.',
    other: 'Yn dangos y {count} cofnod mwyaf newydd.',
  },
  'tab.audit.showMore': 'Dangos mwy',
  'tab.audit.brokenHere': 'Mae’r gwiriad yn methu yma.',
  'tab.audit.entries': 'Cofnodion, y mwyaf newydd yn gyntaf',
  'tab.audit.entryNumber': 'Cofnod {n}',
  'tab.audit.belong': 'Perthyn',
  'tab.audit.request': 'cais {id}',
  'tab.audit.talk.requested': 'Gofynnodd disgybl am gael siarad ({request}).',
  'tab.audit.talk.alerted': 'Anfonodd Perthyn {request} at y tîm diogelu.',
  'tab.audit.talk.escalated':
    'Doedd neb wedi cydnabod {request}: anfonodd Perthyn ef eto, ac at yr arweinydd llesiant.',
  'tab.audit.talk.viewed': 'Agorodd {actor} {request}.',
  'tab.audit.talk.listed': 'Agorodd {actor} y rhestr o geisiadau i siarad.',
  'tab.audit.talk.acknowledged': 'Cydnabu {actor} {request}.',
  'tab.audit.talk.noted': 'Ychwanegodd {actor} nodyn at {request}.',
  'tab.audit.talk.resolved': 'Datrysodd {actor} {request}.',
  'tab.audit.talk.referred': 'Cofnododd {actor} fod {request} wedi’i atgyfeirio at {to}.',
  'tab.audit.talk.exported': 'Allforiodd {actor} {request}.',
  'tab.audit.talk.unreachable':
    'Methodd Perthyn anfon neges at bob oedolyn diogelu am {request}, a dywedodd wrth weinyddwr yr ysgol.',
  'tab.audit.roles.changed': 'Newidiodd {actor} rolau {subject} yn yr ysgol: {change}.',
  'tab.audit.roles.added': 'rhoi {roles}',
  'tab.audit.roles.removed': 'tynnu {roles}',
  'tab.audit.roles.same': 'dim newid',
  'tab.audit.audit.viewed': 'Darllenodd {actor} y log archwilio.',
  'tab.audit.other': '{actor}: {action} ({subject}).',
};
