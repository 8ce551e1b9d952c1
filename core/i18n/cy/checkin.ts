import type { Translation } from '../types.js';
import type { enGBCheckin } from '../en-GB/checkin.js';

export const cyCheckin: Translation<typeof enGBCheckin> = {
  'checkin.template.daily-mood': 'Sut wyt ti heddiw?',
  'checkin.template.belonging-pulse': 'Holiadur perthyn',
  'checkin.template.termly-belonging': 'Holiadur perthyn y tymor',
  'checkin.template.daily-mood.about': 'Un cwestiwn, pum wyneb. Mae’n cymryd ychydig eiliadau.',
  'checkin.template.belonging-pulse.about':
    'Pedwar cwestiwn: teimlo’n agos at bobl, yn ddiogel, yn cael parch, a bod yr ysgol yn bwysig.',
  'checkin.template.termly-belonging.about':
    'Deg cwestiwn am berthyn, ffrindiau ac oedolion y gellir ymddiried ynddyn nhw. Ar agor am wythnos.',
  'checkin.face.1': 'Ofnadwy',
  'checkin.face.2': 'Ddim yn wych',
  'checkin.face.3': 'Iawn',
  'checkin.face.4': 'Da',
  'checkin.face.5': 'Gwych',
  'checkin.scale.primary.1': 'Byth',
  'checkin.scale.primary.2': 'Ddim yn aml',
  'checkin.scale.primary.3': 'Weithiau',
  'checkin.scale.primary.4': 'Y rhan fwyaf o’r amser',
  'checkin.scale.primary.5': 'Bob amser',
  'checkin.scale.secondary.1': 'Anghytuno’n gryf',
  'checkin.scale.secondary.2': 'Anghytuno',
  'checkin.scale.secondary.3': 'Ddim yn siŵr',
  'checkin.scale.secondary.4': 'Cytuno',
  'checkin.scale.secondary.5': 'Cytuno’n gryf',
  'checkin.card.tapOne': 'Tapia’r un sy’n dy siwtio di. Neu hepgor.',
  'checkin.card.chooseAny': 'Dewisa ateb i bob un. Gelli di adael unrhyw un allan.',
  'checkin.card.openUntil': 'Ar agor tan {when}.',
  'checkin.card.skip': 'Hepgor',
  'checkin.card.send': 'Anfon',
  'checkin.card.noAnswer': 'Dewisa ateb yn gyntaf, neu tapia Hepgor.',
  'checkin.card.youChose': 'Dewisaist ti {face} {label}.',
  'checkin.card.saved': 'Diolch! Mae dy atebion wedi’u cadw.',
  'checkin.card.youSkipped': 'Hepgoraist ti’r un yma. Mae hynny’n iawn.',
  'checkin.card.change': 'Newid',
  'checkin.card.answerAfterAll': 'Ateb nawr',
  'checkin.card.privacy': 'Mae dy athro’n gweld sut mae’r dosbarth yn teimlo, nid dy enw di.',
  'checkin.card.forPupils.title': 'Mae’r holiadur hwn i ddisgyblion',
  'checkin.card.forPupils.body':
    'Disgyblion y dosbarth hwn sy’n ei ateb. Rydych chi’n gweld sut mae’r dosbarth yn teimlo yn nhab y dosbarth, byth pwy ddywedodd beth.',
  'checkin.card.closed.title': 'Mae’r holiadur hwn wedi cau',
  'checkin.card.closed.body': 'Diolch i bawb a atebodd.',
  'checkin.card.unknown.title': 'Allwn ni ddim dod o hyd i’r holiadur hwn',
  'checkin.card.unknown.body': 'Does dim wedi newid. Gofynna i dy athro os wyt ti angen help.',
  'checkin.form.title': 'Postio holiadur',
  'checkin.form.intro':
    'Mae disgyblion yn ateb ar y cerdyn. Does neb yn gweld pwy ddywedodd beth: mae tab y dosbarth yn dangos sut mae’r dosbarth yn teimlo unwaith y bydd digon wedi ateb.',
  'checkin.form.template': 'Pa holiadur?',
  'checkin.form.phase': 'Geiriau ar gyfer',
  'checkin.form.phase.primary': 'Disgyblion iau (CA1–2)',
  'checkin.form.phase.secondary': 'Disgyblion hŷn (CA3–4)',
  'checkin.form.post': 'Postio nawr',
  'checkin.form.posted.title': 'Mae’r holiadur ar ei ffordd',
  'checkin.form.posted.body':
    'Bydd yn ymddangos yn {channel} mewn munud fel neges newydd. Mae’n cau {when}.',
  'checkin.form.chooseTemplate': 'Dewiswch pa holiadur i’w bostio.',
  'checkin.refused.pupil':
    'Dim ond dy athro sy’n gallu postio holiadur. Pan fydd un, gelli di ei ateb neu ei hepgor.',
  'checkin.refused.staff':
    'Athrawon y dosbarth (perchnogion y tîm), yr arweinydd llesiant a gweinyddwr yr ysgol sy’n postio holiaduron i’r dosbarth hwn.',
  'checkin.form.choosePhase': 'Dewiswch eiriau pwy i’w defnyddio.',
  'checkin.form.notReady.title': 'Does dim modd dechrau holiaduron eto',
  'checkin.form.notReady.body':
    'Mae holiaduron yn dechrau pan fydd dau oedolyn diogelu (y DSL neu’r dirprwyon) wedi agor yr ap Perthyn yn Teams. Gofynnwch i’ch DSL.',
} as const;
