import type { Translation } from '../index.js';
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
  'tab.home.later':
    'Dydy’r rhan hon o’r ap ddim yn barod eto. Bydd yn dod mewn fersiwn nes ymlaen.',

  'tab.error.title': 'Aeth rhywbeth o’i le',
  'tab.error.retry': 'Rhowch gynnig arall arni',
  'tab.error.network':
    'Doedd dim modd cysylltu â’r ap Perthyn. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'tab.error.server': 'Cafodd yr ap Perthyn broblem. Rhowch gynnig arall arni mewn munud.',
  'tab.error.forbidden': 'Does gennych chi ddim mynediad at hyn.',
  'tab.error.signedOut': 'Mae eich mewngofnodi wedi dod i ben. Rhowch gynnig arall arni.',
  'tab.error.sso':
    'Doedd dim modd eich mewngofnodi drwy Microsoft Teams. Rhowch gynnig arall arni.',

  'tab.openInTeams.heading': 'Agorwch yr ap Perthyn yn Microsoft Teams',
  'tab.openInTeams.body':
    'Mae’r ap Perthyn yn gweithio y tu mewn i Microsoft Teams. Agorwch ef o’ch tîm dosbarth neu o Apiau yn Teams.',

  'tab.config.heading': 'Ychwanegu’r ap Perthyn at y tîm dosbarth hwn',
  'tab.config.inTeams':
    'Dewiswch Cadw i ychwanegu’r ap Perthyn fel tab yn y tîm dosbarth hwn. Bydd pawb yn y tîm yn gallu ei agor.',
  'tab.config.outside':
    'Mae athro yn defnyddio’r dudalen hon i ychwanegu’r ap Perthyn at dîm dosbarth yn Microsoft Teams. I’w ychwanegu, agorwch eich tîm dosbarth yn Teams, dewiswch + ar frig sianel a dewiswch Perthyn.',
  'tab.config.failed': 'Doedd Teams ddim yn gallu cadw’r tab. Rhowch gynnig arall arni.',
};
