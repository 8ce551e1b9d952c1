/** Check-ins in the tab for a class (post, recent, trends) and a pupil's own check-ins. Keys are prefixed `tab.checkins.`; pupil-facing words at reading age about 8. */
export const enGBCheckinTab = {
  'tab.checkins.nav.class': 'Check-ins',
  'tab.checkins.nav.mine': 'My check-ins',

  // The class view (teachers of the class, the wellbeing lead).
  'tab.checkins.class.heading': 'Check-ins for {team}',
  'tab.checkins.class.headingNoClass': 'Check-ins',
  'tab.checkins.class.noClass': 'You can see check-ins for the classes you teach.',
  'tab.checkins.class.intro':
    'Post a check-in, see what was posted and how the class feels over time. You never see who answered or what any one pupil said.',
  'tab.checkins.class.pick': 'Class',
  'tab.checkins.class.loading': 'Loading check-ins…',

  'tab.checkins.post.heading': 'Post a check-in now',
  'tab.checkins.post.template': 'Which check-in?',
  'tab.checkins.post.phase': 'Words for',
  'tab.checkins.post.phase.primary': 'Younger pupils (KS1–2)',
  'tab.checkins.post.phase.secondary': 'Older pupils (KS3–4)',
  'tab.checkins.post.channel': 'Channel',
  'tab.checkins.post.language': 'Language of the card',
  'tab.checkins.post.submit': 'Post now',
  'tab.checkins.post.posting': 'Posting…',
  'tab.checkins.post.posted': 'Posted. It appears in {channel} in a moment and closes {when}.',
  'tab.checkins.post.noChannels': 'This class team has no channels Belong can post in.',
  'tab.checkins.preview.heading': 'Preview',
  'tab.checkins.preview.intro':
    'This is the card Belong will post. Each pupil then sees their own answer on it.',
  'tab.checkins.preview.label': 'Preview of the check-in card',
  'tab.checkins.preview.loading': 'Drawing the card…',
  'tab.checkins.preview.failed': 'The preview could not be drawn.',

  'tab.checkins.recent.heading': 'Recent check-ins',
  'tab.checkins.recent.empty': 'No check-ins have been posted in this class yet.',
  'tab.checkins.recent.open': 'Open until {when}',
  'tab.checkins.recent.closed': 'Closed {when}',
  'tab.checkins.recent.name': 'Check-in',
  'tab.checkins.recent.date': 'Posted',
  'tab.checkins.recent.status': 'Status',

  'tab.checkins.trends.heading': 'How the class feels',
  'tab.checkins.trends.privacy':
    'A number is hidden when fewer than {k} answers make it, or when showing it would let someone work out a smaller group, so nobody can work out how one pupil answered.',
  'tab.checkins.trends.empty':
    'Nothing to show yet. Trends appear here once a check-in has closed.',
  'tab.checkins.trends.withheld': 'hidden',
  'tab.checkins.trends.pending':
    'Not shown yet: {periods}. A week or term is shown once it has ended and all its check-ins have closed, and then it does not change.',
  'tab.checkins.trends.mood': 'Mood by week',
  'tab.checkins.trends.belonging': 'Belonging by week',
  'tab.checkins.trends.termly': 'Termly questionnaire by term',
  'tab.checkins.trends.tableCaption': '{question}: the numbers',
  'tab.checkins.trends.week': 'Week of {date}',
  'tab.checkins.trends.termFrom': 'Term from {date}',
  'tab.checkins.trends.period': 'Week',
  'tab.checkins.trends.term': 'Term',
  'tab.checkins.trends.question': 'Question',
  'tab.checkins.trends.answers': 'Answers',
  'tab.checkins.trends.responseRate': 'Response rate',
  'tab.checkins.trends.rate': '{rate}%',
  'tab.checkins.trends.rateBeside': 'Response rate: {rate}',
  'tab.checkins.trends.hiddenPart': 'hidden',
  'tab.checkins.trends.legend': 'Key',
  'tab.checkins.trends.noBar': 'Hidden: {withheld}',
  'tab.checkins.band.faces.low': 'Awful or not great',
  'tab.checkins.band.faces.mid': 'OK',
  'tab.checkins.band.faces.high': 'Good or great',
  'tab.checkins.band.statement.low': 'Low (1–2)',
  'tab.checkins.band.statement.mid': 'Middle (3)',
  'tab.checkins.band.statement.high': 'High (4–5)',

  // Staff's short names for each question (pupils read the question itself).
  'tab.checkins.question.mood': 'Mood',
  'tab.checkins.question.connected': 'Connected and included',
  'tab.checkins.question.safe': 'Safe',
  'tab.checkins.question.respected': 'Respected and valued',
  'tab.checkins.question.purpose': 'A sense of purpose',
  'tab.checkins.question.included': 'Included in school life',
  'tab.checkins.question.worries': 'Knows who to tell a worry',
  'tab.checkins.question.fair': 'Treated fairly, listened to',
  'tab.checkins.question.learning': 'Learning and goals',
  'tab.checkins.question.friends': 'Gets on with other pupils',
  'tab.checkins.question.trusted-adult': 'Has a trusted adult',

  // In Posts: what a new post is.
  'tab.checkins.posts.what': 'What to post',
  'tab.checkins.posts.prompt': 'A connection prompt',
  'tab.checkins.posts.checkin': 'A check-in',
  'tab.checkins.posts.previewIntro':
    'This is the check-in card Belong will post. Each pupil then sees their own answer on it.',

  // A pupil's own check-ins: short sentences, everyday words.
  'tab.checkins.mine.heading': 'My check-ins',
  'tab.checkins.mine.privacy':
    'Only you can see this page. Your teacher sees how the class feels, not your name.',
  'tab.checkins.mine.loading': 'Getting your check-ins…',
  'tab.checkins.mine.empty': 'You have not answered a check-in yet. When you do, it shows here.',
  'tab.checkins.mine.skipped': 'You skipped',
  'tab.checkins.mine.blank': 'You did not answer this one.',
  'tab.checkins.mine.open': 'Still open. You can change it on the card.',
  'tab.checkins.mine.when': '{date}, {team}',
} as const;
