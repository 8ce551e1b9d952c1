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
  'tab.persona.deputy_dsl': 'Deputy safeguarding lead',
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

  'tab.connect.nav.label': 'Belong',
  'tab.connect.nav.home': 'Home',
  'tab.connect.nav.posts': 'Posts',
  'tab.connect.nav.calendar': 'School calendar',
  'tab.connect.nav.cmhw': 'CMHW week',

  'tab.connect.and': 'and',
  'tab.connect.dateAt': '{date} at {time}',
  'tab.connect.language.en-GB': 'English',
  'tab.connect.language.cy': 'Cymraeg',
  'tab.connect.problems': 'Please change this and try again:',
  'tab.connect.problem.unreadable':
    'Belong could not read that. Please check every box and try again.',
  'tab.connect.problem.unknown': 'Something in the form needs changing.',

  'tab.connect.posts.loading': 'Loading the posts…',
  'tab.connect.posts.heading': 'Posts for {team}',
  'tab.connect.posts.headingNoClass': 'Posts',
  'tab.connect.posts.intro':
    'Plan connection prompts for your class. Belong posts each one as a new thread in the channel you choose.',
  'tab.connect.posts.class': 'Class',
  'tab.connect.posts.noClass':
    'You can plan posts for the classes you teach. Belong isn’t in any of them yet.',

  'tab.connect.schedules.heading': 'Planned posts',
  'tab.connect.schedules.empty': 'Nothing is planned for this class yet.',
  'tab.connect.schedules.channel': 'Channel',
  'tab.connect.schedules.when': 'When',
  'tab.connect.schedules.next': 'Next post',
  'tab.connect.schedules.noNext': 'No more posts',
  'tab.connect.schedules.recent': 'Recent posts',
  'tab.connect.status.active': 'Active',
  'tab.connect.status.ended': 'Finished',
  'tab.connect.status.cancelled': 'Cancelled',

  'tab.connect.what.cmhw': 'CMHW {year} · {phase}',
  'tab.connect.what.unknown': 'A prompt that is no longer in Belong',
  'tab.connect.when.once': 'Once, on {date} at {time}',
  'tab.connect.when.daily': 'Every school day at {time}, from {start}',
  'tab.connect.when.dailyUntil': 'Every school day at {time}, from {start} to {end}',
  'tab.connect.when.weekly': 'Every {days} at {time}, from {start}',
  'tab.connect.when.weeklyUntil': 'Every {days} at {time}, from {start} to {end}',
  'tab.connect.when.cmhw': 'Each school day of Children’s Mental Health Week {year} at {time}',

  'tab.connect.skipped.missed': 'Not posted: Belong was not running at the time.',
  'tab.connect.skipped.teamRemoved': 'Not posted: Belong was removed from the class team.',
  'tab.connect.skipped.channelGone': 'Not posted: the channel was deleted.',
  'tab.connect.skipped.safeguardingNotReady':
    'Not sent: your school needs two safeguarding adults who can get messages from Belong.',
  'tab.connect.skipped.other': 'Not posted.',
  'tab.connect.progress.checking': 'Checking…',
  'tab.connect.progress.waiting': 'Waiting to send',
  'tab.connect.progress.sending': 'Sending…',
  'tab.connect.progress.posted': 'Posted',
  'tab.connect.progress.removed': 'Couldn’t post: the bot was removed',
  'tab.connect.progress.failed': 'Couldn’t post: Teams refused it',
  'tab.connect.progress.unknown': 'We couldn’t check this post',

  'tab.connect.cancel.button': 'Cancel',
  'tab.connect.cancel.buttonLabel': 'Cancel “{what}”',
  'tab.connect.cancel.title': 'Cancel this schedule?',
  'tab.connect.cancel.body':
    'No more posts will go out for “{what}”. Posts already in the channel stay there.',
  'tab.connect.cancel.confirm': 'Cancel the schedule',
  'tab.connect.cancel.keep': 'Keep it',
  'tab.connect.cancel.done': 'Cancelled. Nothing more will be posted for it.',

  'tab.connect.upcoming.heading': 'Coming up',
  'tab.connect.upcoming.empty': 'No posts are coming up.',

  'tab.connect.form.heading': 'New post',
  'tab.connect.form.editHeading': 'Change a post',
  'tab.connect.form.save': 'Save changes',
  'tab.connect.form.stopEditing': 'Stop changing',
  'tab.connect.edit.buttonLabel': 'Change “{what}”',
  'tab.connect.edit.button': 'Change',
  'tab.connect.form.repeat': 'How often',
  'tab.connect.form.theme': 'Theme',
  'tab.connect.form.anyTheme': 'Any theme',
  'tab.connect.form.keyStage': 'Key stage',
  'tab.connect.form.anyKeyStage': 'Any key stage',
  'tab.connect.form.prompt': 'Prompt',
  'tab.connect.form.noPrompts': 'No prompts match. Try another theme or key stage.',
  'tab.connect.form.needPrompt': 'Choose a prompt.',
  'tab.connect.form.channel': 'Channel',
  'tab.connect.form.date': 'Date',
  'tab.connect.form.start': 'First day',
  'tab.connect.form.end': 'Last day (optional)',
  'tab.connect.form.weekdays': 'Days',
  'tab.connect.form.time': 'Time (school time)',
  'tab.connect.form.year': 'Week',
  'tab.connect.form.phase': 'Age group',
  'tab.connect.form.language': 'Language of the post',
  'tab.connect.form.submit': 'Schedule',
  'tab.connect.form.saving': 'Scheduling…',
  'tab.connect.form.created': 'Scheduled. Next post: {when}.',
  'tab.connect.form.createdNoNext': 'Scheduled.',

  'tab.connect.cmhw.none':
    'The next Children’s Mental Health Week is not in Belong yet. Its dates and theme come in an update; then you can plan it here.',
  'tab.connect.cmhw.week': '{year}: {theme} ({start} to {end})',

  'tab.connect.cmhw.provisionalTitle': 'Place2Be has not published {year} yet',
  'tab.connect.cmhw.provisional':
    'You can plan it now. Belong uses the likely dates (the first full week of February) and five days from its prompts, and the theme is “to be announced” unless you write your own. When {year} is added to Belong, a plan on the likely dates moves to Place2Be’s dates and days, and one without your own theme shows Place2Be’s.',
  'tab.connect.cmhw.start': 'Week starts (a Monday)',
  'tab.connect.cmhw.startHint': 'Change it if your school runs the week on other dates.',
  'tab.connect.preview.heading': 'Preview',
  'tab.connect.preview.intro': 'This is the card Belong will post.',
  'tab.connect.preview.cmhwIntro': 'This is the card Belong will post on the Monday.',
  'tab.connect.preview.none': 'Choose a prompt to see the card.',
  'tab.connect.preview.loading': 'Drawing the card…',
  'tab.connect.preview.failed': 'The preview could not be drawn.',
  'tab.connect.preview.label': 'Preview of the card',

  'tab.connect.calendar.loading': 'Loading the school calendar…',
  'tab.connect.calendar.heading': 'School calendar',
  'tab.connect.calendar.intro':
    'Posts that go out every school day or every week skip holidays, INSET days and other closures. Dates are in school time ({timeZone}).',
  'tab.connect.calendar.noTerms':
    'There are no term dates yet. Until you add them, every weekday counts as a school day.',
  'tab.connect.calendar.terms': 'Terms',
  'tab.connect.calendar.closures': 'Holidays and closures',
  'tab.connect.calendar.none': 'None yet.',
  'tab.connect.calendar.name': 'Name',
  'tab.connect.calendar.kind': 'Kind',
  'tab.connect.calendar.start': 'First day',
  'tab.connect.calendar.end': 'Last day',
  'tab.connect.calendar.remove': 'Remove',
  'tab.connect.calendar.term': 'term {n}',
  'tab.connect.calendar.closure': 'closure {n}',
  'tab.connect.calendar.cell': '{field}, {row}',
  'tab.connect.calendar.removeRow': 'Remove {row}',
  'tab.connect.calendar.addTerm': 'Add a term',
  'tab.connect.calendar.addClosure': 'Add a closure',
  'tab.connect.calendar.save': 'Save',
  'tab.connect.calendar.saving': 'Saving…',
  'tab.connect.calendar.saved': 'Saved. School-day posts follow the new calendar.',
  'tab.connect.closure.holiday': 'Holiday',
  'tab.connect.closure.inset': 'INSET day',
  'tab.connect.closure.bank_holiday': 'Bank holiday',
  'tab.connect.closure.closure': 'Other closure',

  'tab.connect.planner.loading': 'Loading Children’s Mental Health Week…',
  'tab.connect.planner.heading': 'Children’s Mental Health Week',
  'tab.connect.planner.intro':
    'Plan the week for many classes at once. Each class gets one prompt a day, Monday to Friday, as a new thread in its channel.',
  'tab.connect.planner.classes': 'Classes',
  'tab.connect.planner.noClasses': 'Belong isn’t in any class team yet.',
  'tab.connect.planner.include': 'Plan for {team}',
  'tab.connect.planner.channel': 'Channel for {team}',
  'tab.connect.planner.time': 'Time for {team}',
  'tab.connect.planner.phase': 'Age group for {team}',
  'tab.connect.planner.noChannels': 'Belong knows no channels in {team} yet.',
  'tab.connect.planner.pickClass': 'Choose at least one class.',
  'tab.connect.planner.plan': 'Plan the week',
  'tab.connect.planner.planning': 'Planning…',
  'tab.connect.planner.planned': {
    one: 'Planned for {count} class:',
    other: 'Planned for {count} classes:',
  },
  'tab.connect.planner.plannedClass': '{team}: {channel} at {time}',

  'tab.error.title': 'Something went wrong',
  'tab.error.retry': 'Try again',
  'tab.error.network': 'We could not reach Belong. Check your connection and try again.',
  'tab.error.server': 'Belong had a problem. Please try again in a moment.',
  'tab.error.forbidden': 'You do not have access to this.',
  'tab.error.sso':
    'Teams could not sign you in to Belong. Please try again. If it still does not work, tell your school’s IT team.',

  'tab.openInTeams.heading': 'Open Belong in Microsoft Teams',
  'tab.openInTeams.body':
    'Belong works inside Microsoft Teams. Open it from your class team or from Apps in Teams.',

  'tab.config.heading': 'Add Belong to this class team',
  'tab.config.inTeams':
    'Select Save to add Belong as a tab in this class team. Everyone in the team will be able to open it.',
  'tab.config.outside':
    'This page is used when a teacher adds Belong to a class team in Microsoft Teams. To add it, open your class team in Teams, select + at the top of a channel and choose Belong.',
  'tab.config.failed': 'Teams could not save the tab. Please try again.',

  'tab.sso.consent':
    'Belong needs permission to sign you in. Ask your school’s IT team to allow Belong for everyone at school, then try again.',
  'tab.sso.guest':
    'You are in Teams as a guest from another organisation. Belong only works with your school account. Switch to your school account in Teams, then open Belong again.',
  'tab.sso.tenant':
    'This Belong is not set up for your school. Ask your school’s IT team which Belong to use.',

  'tab.class.sections': 'Parts of the class page',
  'tab.class.posts': 'Posts',
  'tab.class.checkins': 'Check-ins',
  'tab.class.channel': 'From the {channel} channel',
  'tab.class.pupilIntro': 'This is your class page. Here are your own check-ins for this class.',
  'tab.class.loading': 'Loading the class…',
  'tab.class.notYours.title': 'This class page is not for you',
  'tab.class.notYours.body':
    'Only the teachers and pupils of {team}, and the wellbeing lead, can use this class page.',
  'tab.class.notYours.bodyNoName':
    'Only the teachers and pupils of this class, and the wellbeing lead, can use this class page.',
  'tab.class.unknown.title': 'Belong does not know this team yet',
  'tab.class.unknown.body':
    'Belong has no record of this team. Ask a teacher who owns the team to add Belong to it again: in Teams, select Apps, then Belong, then Add to a team.',
  'tab.class.whereTeams':
    'Your own part of Belong is in the Belong app: select Belong in Teams’ app bar.',
  'tab.class.whereHome': 'Your own part of Belong is on your home page.',
  'tab.class.home': 'Go to your home page',
  'tab.class.choose.heading': 'Class pages',
  'tab.class.choose.intro': 'Choose a class to open its page.',
  'tab.class.choose.empty': 'You are not a teacher or pupil in a class team that has Belong.',
  'tab.class.open': 'Open the class page for {team}',

  'tab.entry.rota.title': 'The rota is for wellbeing ambassadors',
  'tab.entry.rota.pupil': 'If you would like to be a wellbeing ambassador, ask your teacher.',
  'tab.entry.rota.staff':
    'The ambassador coordinator plans the rota. If that should be you, ask your school admin to give you the role.',
  'tab.entry.inbox.pupil': 'This page is for the adults who keep pupils safe.',
  'tab.entry.inbox.staff':
    'If you are worried about a pupil, follow your school’s safeguarding policy and tell your designated safeguarding lead today.',
} as const;
