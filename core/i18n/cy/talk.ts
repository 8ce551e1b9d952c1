import type { Translation } from '../types.js';
import type { enGBTalk } from '../en-GB/talk.js';

export const cyTalk: Translation<typeof enGBTalk> = {
  'talk.action': 'Siarad ag oedolyn rwyt ti’n ymddiried ynddo',
  'talk.offer.low':
    'Hoffet ti siarad ag oedolyn rwyt ti’n ymddiried ynddo? Cei di wneud os wyt ti eisiau.',
  'talk.ask.title': 'Siarad ag oedolyn rwyt ti’n ymddiried ynddo',
  'talk.ask.body':
    'Cei di ofyn am gael siarad ag oedolyn yn yr ysgol. Byddan nhw’n gweld dy enw a dy ddosbarth, er mwyn dod o hyd i ti.',
  'talk.ask.notSecret':
    'Os ydyn nhw’n poeni am dy ddiogelwch, efallai bydd angen iddyn nhw ddweud wrth oedolion eraill sy’n gallu helpu i dy gadw’n ddiogel.',
  'talk.ask.howSoon': 'Pa mor fuan? Cei di adael hwn.',
  'talk.ask.send': 'Gofyn i siarad',
  'talk.ask.notNow': 'Dim nawr',
  'talk.ask.closedNow': 'Mae’r ysgol ar gau nawr. Bydd oedolyn yn gweld hwn: {when}.',
  'talk.urgency.today': 'Heddiw',
  'talk.urgency.thisWeek': 'Yr wythnos hon',
  'talk.notNow.title': 'Mae hynny’n iawn',
  'talk.notNow.body': 'Cei di ofyn unrhyw bryd. Teipia siarad mewn sgwrs gyda fi.',
  'talk.sent.title': 'Wedi’i anfon',
  'talk.sent.body': 'Bydd oedolyn rwyt ti’n ymddiried ynddo yn gweld hwn cyn bo hir.',
  'talk.seen.title': 'Wedi’i weld',
  'talk.seen.body': 'Mae oedolyn wedi gweld hwn a bydd yn dod o hyd i ti.',
  'talk.helpNow.title': 'Angen help nawr?',
  'talk.helpNow.body':
    'Mewn argyfwng, ffonia 999. Childline: ffonia 0800 1111. Shout: tecstia SHOUT i 85258.',
  'talk.unavailable.title': 'Dywed wrth oedolyn yn yr ysgol',
  'talk.unavailable.body':
    'Dydw i ddim yn gallu anfon hwn at oedolyn ar hyn o bryd. Dywed wrth athro neu oedolyn arall rwyt ti’n ymddiried ynddo.',
  'talk.notPupil.title': 'Mae hwn ar gyfer disgyblion',
  'talk.notPupil.body':
    'Mae disgyblion yn defnyddio hwn i ofyn am gael siarad ag oedolyn maen nhw’n ymddiried ynddo. Os ydych chi’n poeni am ddisgybl, dilynwch bolisi diogelu eich ysgol.',
  'buddy.notPupil.body':
    'Mae disgyblion yn defnyddio hwn i ofyn i lysgennad lles fod yn ffrind iddyn nhw amser egwyl neu amser cinio.',
  'talk.channel.body': 'Dim ond ti fydd yn gweld beth sy’n digwydd pan fyddi di’n tapio hwn.',
  'talk.staff.title': 'Mae disgybl eisiau siarad',
  'talk.staff.pupil': 'Disgybl',
  'talk.staff.class': 'Dosbarth',
  'talk.staff.asked': 'Gofynnwyd',
  'talk.staff.howSoon': 'Pa mor fuan',
  'talk.staff.notSaid': 'Heb ddweud',
  'talk.staff.from': 'O ble',
  'talk.source.checkin': 'Cerdyn holiadur',
  'talk.source.chat': 'Sgwrs gyda Perthyn',
  'talk.source.tab': 'Tab Perthyn',
  'talk.staff.status.new': 'Does neb wedi cydnabod hwn eto.',
  'talk.staff.status.acknowledged': 'Wedi’i gydnabod gan {name}, {when}.',
  'talk.staff.status.resolved': 'Wedi’i ddatrys gan {name}, {when}.',
  'talk.staff.status.referred': 'Wedi’i gyfeirio at {to} gan {name}, {when}.',
  'talk.staff.reminder': {
    zero: 'Nodyn atgoffa: mae hwn wedi aros {count} munud o amser ysgol.',
    one: 'Nodyn atgoffa: mae hwn wedi aros {count} munud o amser ysgol.',
    two: 'Nodyn atgoffa: mae hwn wedi aros {count} funud o amser ysgol.',
    few: 'Nodyn atgoffa: mae hwn wedi aros {count} munud o amser ysgol.',
    many: 'Nodyn atgoffa: mae hwn wedi aros {count} munud o amser ysgol.',
    other: 'Nodyn atgoffa: mae hwn wedi aros {count} munud o amser ysgol.',
  },
  'talk.staff.unreachable':
    'Methodd Perthyn anfon neges at: {names}. Mae angen iddyn nhw agor Perthyn yn Teams i gael ceisiadau.',
  'talk.staff.notes': 'Nodiadau',
  'talk.staff.noteBy': '{name}, {when}',
  'talk.staff.acknowledge': 'Cydnabod',
  'talk.staff.noteLabel': 'Ychwanegu nodyn (beth wnaethoch chi neu beth fyddwch chi’n ei wneud)',
  'talk.staff.saveNote': 'Cadw’r nodyn',
  'talk.staff.referLabel': 'Wedi’i gyfeirio at',
  'talk.staff.refer': 'Cofnodi’r atgyfeiriad',
  'talk.staff.resolve': 'Datrys',
  'talk.staff.noteProblem': 'Ysgrifennwch nodyn o 1 i 1,000 o nodau. Does dim byd wedi newid.',
  'talk.staff.closed': 'Mae’r cais hwn wedi cau. Does dim byd wedi newid.',
  'talk.staff.referProblem': 'Dewiswch at bwy y cafodd ei gyfeirio. Does dim byd wedi newid.',
  'talk.staff.record': 'Mae pob golwg a cham yma’n cael eu cadw yn y log archwilio.',
  'talk.staff.forbidden.title': 'Dim ond y tîm diogelu sy’n gallu gweld hwn',
  'talk.staff.forbidden.body':
    'Mae ceisiadau i siarad yn mynd at yr arweinydd diogelu dynodedig a’r dirprwyon yn unig.',
  'talk.referral.childrens_services': 'Gwasanaethau plant',
  'talk.referral.camhs': 'CAMHS',
  'talk.referral.early_help': 'Help cynnar',
  'talk.referral.school_nurse': 'Nyrs yr ysgol',
  'talk.referral.police': 'Yr heddlu',
  'talk.referral.other': 'Rhywun arall',
  'talk.escalated.title': 'Mae cais i siarad yn aros',
  'talk.escalated.body': {
    zero: 'Mae cais disgybl i siarad wedi aros {count} munud o amser ysgol a does dim oedolyn diogelu wedi’i gydnabod eto. Dewch o hyd i’r DSL neu ddirprwy nawr.',
    one: 'Mae cais disgybl i siarad wedi aros {count} munud o amser ysgol a does dim oedolyn diogelu wedi’i gydnabod eto. Dewch o hyd i’r DSL neu ddirprwy nawr.',
    two: 'Mae cais disgybl i siarad wedi aros {count} funud o amser ysgol a does dim oedolyn diogelu wedi’i gydnabod eto. Dewch o hyd i’r DSL neu ddirprwy nawr.',
    few: 'Mae cais disgybl i siarad wedi aros {count} munud o amser ysgol a does dim oedolyn diogelu wedi’i gydnabod eto. Dewch o hyd i’r DSL neu ddirprwy nawr.',
    many: 'Mae cais disgybl i siarad wedi aros {count} munud o amser ysgol a does dim oedolyn diogelu wedi’i gydnabod eto. Dewch o hyd i’r DSL neu ddirprwy nawr.',
    other:
      'Mae cais disgybl i siarad wedi aros {count} munud o amser ysgol a does dim oedolyn diogelu wedi’i gydnabod eto. Dewch o hyd i’r DSL neu ddirprwy nawr.',
  },
  'talk.unreachableReport.title': 'Dydy Perthyn ddim yn gallu anfon neges at oedolyn diogelu',
  'buddy.ask.title': 'Gofyn am ffrind',
  'buddy.ask.body':
    'Gall llysgennad lles sydd ar ddyletswydd gadw llygad amdanat ti a chadw cwmni i ti. Byddan nhw’n gweld dy enw cyntaf a dy ddosbarth.',
  'buddy.ask.when': 'Pryd?',
  'buddy.ask.nextDay': 'Mae’r ysgol ar gau nawr. Mae’r rhain ar gyfer {day}.',
  'buddy.ask.choice': '{period} ({places})',
  'buddy.ask.send': 'Gofyn am ffrind',
  'buddy.ask.worry':
    'Os oes rhywbeth yn dy boeni, cei di siarad ag oedolyn rwyt ti’n ymddiried ynddo yn lle.',
  'buddy.ask.choose': 'Dewisa pryd hoffet ti gael ffrind.',
  'buddy.none.title': 'Does dim llysgenhadon ar ddyletswydd',
  'buddy.none.body':
    'Does dim llysgenhadon lles ar ddyletswydd ar {day}. Cei di ofyn i oedolyn yn yr ysgol.',
  'buddy.sent.title': 'Rwyt ti wedi gofyn am ffrind',
  'buddy.sent.body':
    'Bydd llysgennad ar ddyletswydd yn cadw llygad amdanat ti amser {period} ar {day}.',
  'buddy.already.body': 'Rwyt ti eisoes wedi gofyn am ffrind amser {period} ar {day}.',
  'buddy.notice.title': 'Cais am ffrind',
  'buddy.notice.body': 'Hoffai {name} o {class} gael ffrind amser {period} ({places}) ar {day}.',
  'buddy.notice.coordinator':
    'Doedd dim modd anfon neges at lysgennad ar ddyletswydd, felly daeth hwn atoch chi. Dewch o hyd i rywun i helpu.',
  'talk.unreachableReport.body':
    'Fydd {names} ddim yn cael ceisiadau i siarad nes iddyn nhw agor Perthyn yn Teams. Gofynnwch iddyn nhw ei agor heddiw.',
};
