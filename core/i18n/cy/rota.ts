import type { Translation } from '../types.js';
import type { enGBRota } from '../en-GB/rota.js';

export const cyRota: Translation<typeof enGBRota> = {
  'rota.problem.dateInvalid': 'Dewiswch ddyddiadau go iawn.',
  'rota.problem.endBeforeStart': 'Mae’r dyddiad gorffen cyn y dyddiad dechrau.',
  'rota.problem.rangeTooLong': 'Gall rota bara blwyddyn ar y mwyaf.',
  'rota.problem.weekWithoutWeekAB':
    'Dim ond pan fydd gan y rota amserlen pythefnos y mae wythnos A ac wythnos B yn gweithio.',
  'rota.problem.duplicateSlot': 'Mae gan ddau slot yr un enw adnabod.',
  'rota.problem.slotRepeated': 'Mae dau slot ar yr un diwrnod, amser a lle.',
  'rota.problem.unknownSlot': 'Does dim slot fel yna ar y rota.',
  'rota.problem.notADuty':
    'Does dim dyletswydd bryd hynny: nid yw’n ddiwrnod ysgol i’r slot hwnnw.',
  'rota.problem.inReturnMissing': 'I gyfnewid, dewiswch un o’ch dyletswyddau chi i’w rhoi’n ôl.',
  'rota.problem.inReturnForCover':
    'Mae cyflenwi yn golygu cymryd y ddyletswydd: does dim yn cael ei roi’n ôl.',
  'rota.problem.overrideOnlyCover': 'Dim ond cyflenwi sy’n gallu cael ei roi’n syth i rywun arall.',
  'rota.problem.rotaInvalid': 'Mae rhywbeth yn y rota sydd ddim yn iawn. Gwiriwch hi.',
  'rota.problem.unknownAmbassador': 'Dydy’r person hwnnw ddim ar y rota.',
  'rota.problem.unknownRequest': 'Dydy’r cais hwnnw ddim yno.',
  'rota.problem.notCoordinator': 'Dim ond cydlynydd y llysgenhadon sy’n gallu gwneud hyn.',
  'rota.problem.notAmbassador': 'Mae hwn ar gyfer llysgenhadon llesiant.',
  'rota.problem.notOnRota': 'Dydych chi ddim ar y rota eto. Gofynnwch i’ch cydlynydd.',
  'rota.problem.rotaNotSet': 'Gosodwch ddyddiadau’r rota yn gyntaf.',
  'rota.problem.rotaOver': 'Mae’r rota hon wedi dod i ben. Gosodwch ddyddiadau newydd yn gyntaf.',
  'rota.problem.dutyPast': 'Mae’r ddyletswydd honno wedi digwydd yn barod.',
  'rota.problem.ambassadorInactive': 'Dydy’r llysgennad hwnnw ddim yn weithredol ar y rota.',
  'rota.problem.notAvailable': 'Nid yw hwnnw’n amser y dywedoch chi y gallwch chi helpu.',
  'rota.problem.busyThen': 'Rydych chi ar ddyletswydd arall yr adeg honno yn barod.',
  'rota.problem.atMaximum': 'Byddai hynny’n ormod o ddyletswyddau mewn un wythnos.',
  'rota.problem.dutyFull': 'Mae gan y ddyletswydd honno bawb sydd ei angen yn barod.',
  'rota.problem.alreadyOnDuty': 'Rydych chi ar y ddyletswydd honno yn barod.',
  'rota.problem.notOnDuty': 'Dydy’r llysgennad hwnnw ddim ar y ddyletswydd honno.',
  'rota.problem.notYourDuty': 'Nid yw honno’n un o’ch dyletswyddau chi.',
  'rota.problem.requestExists': 'Rydych chi wedi gofyn am y ddyletswydd honno yn barod.',
  'rota.problem.requestNotOpen': 'Roedd rhywun arall yno gyntaf, neu mae’r cais wedi cau.',
  'rota.problem.requestNotAccepted': 'Does neb wedi cymryd hwn eto, felly does dim i’w gymeradwyo.',
  'rota.problem.ownRequest': 'Allwch chi ddim cymryd eich dyletswydd eich hun.',
  'rota.problem.dutyChanged': 'Mae’r rota wedi newid: nid eu dyletswydd nhw yw hi bellach.',
  'rota.problem.requesterInactive': 'Dydy’r person a ofynnodd ddim ar y rota bellach.',
  'rota.problem.requesterNotAvailable':
    'Allan nhw ddim gwneud y ddyletswydd a gynigioch chi: nid yw’n amser y gallan nhw helpu.',
  'rota.problem.requesterBusyThen': 'Maen nhw ar ddyletswydd arall ar yr amser a gynigioch chi.',
  'rota.problem.requesterAtMaximum':
    'Byddai’r ddyletswydd a gynigioch chi’n rhoi gormod iddyn nhw’r wythnos honno.',
  'rota.problem.requesterAlreadyOnDuty': 'Maen nhw ar y ddyletswydd a gynigioch chi yn barod.',
  'rota.problem.inReturnNotYours': 'Nid yw’r ddyletswydd a gynigioch chi’n un o’ch rhai chi.',
  'rota.problem.inReturnChanged':
    'Mae’r rota wedi newid: nid eich dyletswydd chi yw’r un a gynigioch chi bellach.',
  'rota.problem.lockInactive':
    'Mae gan ddyletswydd wedi’i chloi lysgennad sydd ddim yn weithredol bellach.',
  'rota.problem.lockUnavailable':
    'Mae gan ddyletswydd wedi’i chloi lysgennad sydd ddim ar gael bryd hynny.',
  'rota.problem.lockClash':
    'Mae dyletswydd wedi’i chloi yn rhoi llysgennad mewn dau le ar unwaith.',
  'rota.problem.lockOverfills':
    'Mae gan ddyletswydd wedi’i chloi fwy o lysgenhadon nag sydd ei angen.',
  'rota.problem.lockOverMaximum':
    'Mae dyletswyddau wedi’u cloi yn rhoi gormod i lysgennad mewn un wythnos.',
  'rota.problem.busyTryAgain':
    'Mae llawer o newidiadau’n digwydd ar unwaith. Rhowch gynnig arall arni.',

  'rota.unfilled.someone_free': 'Mae rhywun yn rhydd bryd hynny: dewiswch Ychwanegu',
  'rota.unfilled.nobody_available': 'Does neb ar gael bryd hynny',
  'rota.unfilled.everyone_at_maximum':
    'Mae gan bawb sydd ar gael y nifer mwyaf o ddyletswyddau’r wythnos honno',
  'rota.unfilled.everyone_busy':
    'Mae pawb sydd ar gael ar ddyletswydd arall bryd hynny, neu ar y mwyaf am yr wythnos',

  'rota.warning.notADuty': 'Nid yw’n ddyletswydd bellach (newidiodd y dyddiadau neu’r slotiau)',
  'rota.warning.inactive': 'Nid yw’r llysgennad yn weithredol bellach',
  'rota.warning.unavailable': 'Nid yw’r llysgennad ar gael bryd hynny bellach',
  'rota.warning.clash': 'Mae’r llysgennad mewn dau le ar unwaith',
  'rota.warning.overMaximum': 'Mae gan y llysgennad ormod o ddyletswyddau’r wythnos hon',

  'rota.request.kind.swap': 'Cyfnewid',
  'rota.request.kind.cover': 'Angen cyflenwi',
  'rota.request.status.open': 'Yn aros am rywun',
  'rota.request.status.accepted': 'Yn aros am y cydlynydd',
  'rota.request.status.approved': 'Wedi’i wneud',
  'rota.request.status.declined': 'Heb ei gytuno',
  'rota.request.status.cancelled': 'Wedi’i ganslo',
};
