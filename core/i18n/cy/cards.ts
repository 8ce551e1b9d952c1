import type { Translation } from '../types.js';
import type { enGBCards } from '../en-GB/cards.js';

export const cyCards: Translation<typeof enGBCards> = {
  'card.help.title': 'Helo, Perthyn ydw i',
  'card.help.intro.pupil':
    'Rydw i’n helpu dy ddosbarth i deimlo fel tîm. Gall dy athro bostio pethau yma i’r dosbarth siarad amdanyn nhw.',
  'card.help.intro.teacher':
    'Rydw i’n helpu eich dosbarth i deimlo’n gysylltiedig. Rydych chi’n postio sbardunau cysylltu a sesiynau gwirio i sianeli eich dosbarth. Rydych chi’n gweld sut mae’r dosbarth yn teimlo, byth pwy ddywedodd beth.',
  'card.help.intro.ambassador':
    'Diolch am fod yn llysgennad lles. Bydda i’n dangos dy rota i ti ac yn dy atgoffa ar y diwrnod.',
  'card.help.intro.coordinator':
    'Chi sy’n rhedeg rota’r llysgenhadon lles: slotiau, llysgenhadon, cyfnewid a’r oedolyn sy’n goruchwylio.',
  'card.help.intro.wellbeing_lead':
    'Rydych chi’n gweld sut mae’r ysgol gyfan yn teimlo, mewn tueddiadau dienw sydd byth yn dangos grŵp bach.',
  'card.help.intro.dsl':
    'Pan fydd disgybl yn gofyn am gael siarad â rhywun, bydda i’n anfon neges atoch chi a’ch dirprwyon ar unwaith, gydag enw’r disgybl.',
  'card.help.intro.admin':
    'Chi sy’n gosod Perthyn ar gyfer eich ysgol: rolau, dyddiadau tymor a gosodiadau.',
  'card.help.intro.other': 'Rydw i’n helpu disgyblion a staff i deimlo’n gysylltiedig yn yr ysgol.',
  'card.help.commandsHeading': 'Beth alli di ei deipio',
  'card.help.command.help': 'Dangos y cymorth hwn eto.',
  'card.help.command.prompts': 'Pori sbardunau cysylltu; postio un nawr neu ei amserlennu.',
  'card.help.command.schedule': 'Cynllunio neges: beth, pa sianel, pryd a pha mor aml.',
  'card.help.command.schedules':
    'Gweld beth sydd wedi’i gynllunio i’r dosbarth hwn, a chanslo negeseuon.',
  'card.help.command.cmhw':
    'Rhedeg Wythnos Iechyd Meddwl Plant yn y dosbarth hwn: un sbardun y dydd.',
  'card.help.command.checkin': 'Postio holiadur i’r dosbarth ei ateb nawr: teimladau neu berthyn.',
  'card.help.command.buddy': 'Gofyn am ffrind amser egwyl neu ginio.',
  'card.help.command.talk':
    'Gofyn am gael siarad ag oedolyn rwyt ti’n ymddiried ynddo. Byddan nhw’n gweld dy enw.',
  'card.help.tabHint': 'Agor tab Perthyn i weld mwy.',
  'card.unknownCommand.title': 'Sori, dydw i ddim yn gwybod hwnna',
  'card.unknownCommand.body': 'Dydw i ddim yn deall “{command}” eto. Dyma beth alli di ei deipio.',
  'card.unknownAction.title': 'Sori, wnaeth y botwm ddim gweithio',
  'card.unknownAction.body': 'Does dim byd wedi newid. Rho gynnig arall arni, neu teipia help.',
  'card.error.title': 'Sori, aeth rhywbeth o’i le',
  'card.error.body': 'Does dim byd wedi newid. Rho gynnig arall arni mewn munud.',
};
