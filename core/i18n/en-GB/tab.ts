/**
 * Strings for the tab (tab/). Owned by the tab; keys are prefixed `tab.`. Pupils read some of
 * these, so keep words short and plain (reading age about 8).
 */
export const enGBTab = {
  'tab.title': 'Belong',

  'tab.language.other': 'Cymraeg',
  'tab.switchPerson': 'Switch person',

  'tab.loading.start': 'Starting Belong…',
  'tab.loading.home': 'Loading your details…',
  'tab.loading.people': 'Loading the people…',
  'tab.loading.signIn': 'Signing in as {name}…',

  'tab.picker.heading': 'Choose who you are',
  'tab.picker.intro':
    'This is the demo school on this computer. Pick a person to see Belong the way they see it.',
  'tab.picker.expired': 'Your sign-in has ended. Please choose a person again.',
  'tab.picker.empty': 'There are no people in the demo school.',

  'tab.persona.teacher': 'Teacher',
  'tab.persona.pupil': 'Pupil',
  'tab.persona.ambassador': 'Wellbeing ambassador (pupil)',
  'tab.persona.coordinator': 'Ambassador coordinator',
  'tab.persona.wellbeing_lead': 'Wellbeing lead',
  'tab.persona.dsl': 'Designated safeguarding lead',
  'tab.persona.admin': 'School admin',

  'tab.role.teacher': 'Teacher',
  'tab.role.teacherIn': 'Teacher in {team}',
  'tab.role.pupil': 'Pupil',
  'tab.role.pupilIn': 'Pupil in {team}',
  'tab.role.admin': 'School admin',
  'tab.role.dsl': 'Designated safeguarding lead',
  'tab.role.deputy_dsl': 'Deputy designated safeguarding lead',
  'tab.role.wellbeing_lead': 'Wellbeing lead',
  'tab.role.coordinator': 'Ambassador coordinator',
  'tab.role.ambassador': 'Wellbeing ambassador',

  'tab.home.hello': 'Hello, {name}',
  'tab.home.rolesHeading': 'Your roles',
  'tab.home.noRoles': 'You do not have a role in Belong yet.',
  'tab.home.teamsHeading': 'Your class teams',
  'tab.home.teamsEmpty': 'Belong isn’t in any of your class teams yet',
  'tab.home.channels': 'Channels',
  'tab.home.addedOn': 'Belong was added on {date}',
  'tab.home.later': 'This part of Belong is not ready yet. It comes in a later release.',

  'tab.error.title': 'Something went wrong',
  'tab.error.retry': 'Try again',
  'tab.error.network': 'We could not reach Belong. Check your connection and try again.',
  'tab.error.server': 'Belong had a problem. Please try again in a moment.',
  'tab.error.forbidden': 'You do not have access to this.',
  'tab.error.signedOut': 'Your sign-in has ended. Please try again.',
  'tab.error.sso': 'We could not sign you in through Microsoft Teams. Please try again.',

  'tab.openInTeams.heading': 'Open Belong in Microsoft Teams',
  'tab.openInTeams.body':
    'Belong works inside Microsoft Teams. Open it from your class team or from Apps in Teams.',

  'tab.config.heading': 'Add Belong to this class team',
  'tab.config.inTeams':
    'Select Save to add Belong as a tab in this class team. Everyone in the team will be able to open it.',
  'tab.config.outside':
    'This page is used when a teacher adds Belong to a class team in Microsoft Teams. To add it, open your class team in Teams, select + at the top of a channel and choose Belong.',
  'tab.config.failed': 'Teams could not save the tab. Please try again.',
} as const;
