/**
 * Check-ins (pupil cards, answers and trends). Keys are prefixed `checkin.`. Pupils read the
 * cards: short sentences, everyday words (reading age about 8). Staff read the form and notices.
 */
export const enGBCheckin = {
  'checkin.template.daily-mood': 'How are you today?',
  'checkin.template.belonging-pulse': 'Belonging check-in',
  'checkin.template.termly-belonging': 'Termly belonging check-in',
  'checkin.template.daily-mood.about': 'One question, five faces. Takes a few seconds.',
  'checkin.template.belonging-pulse.about':
    'Four questions: feeling connected, safe, respected and that school matters.',
  'checkin.template.termly-belonging.about':
    'Ten questions about belonging, friends and trusted adults. Open for a week.',
  'checkin.face.1': 'Awful',
  'checkin.face.2': 'Not great',
  'checkin.face.3': 'OK',
  'checkin.face.4': 'Good',
  'checkin.face.5': 'Great',
  'checkin.scale.primary.1': 'Never',
  'checkin.scale.primary.2': 'Not often',
  'checkin.scale.primary.3': 'Sometimes',
  'checkin.scale.primary.4': 'Most of the time',
  'checkin.scale.primary.5': 'Always',
  'checkin.scale.secondary.1': 'Strongly disagree',
  'checkin.scale.secondary.2': 'Disagree',
  'checkin.scale.secondary.3': 'Not sure',
  'checkin.scale.secondary.4': 'Agree',
  'checkin.scale.secondary.5': 'Strongly agree',
  'checkin.card.tapOne': 'Tap the one that fits you. Or skip it.',
  'checkin.card.chooseAny': 'Choose an answer for each one. You can leave any out.',
  'checkin.card.openUntil': 'Open until {when}.',
  'checkin.card.skip': 'Skip',
  'checkin.card.send': 'Send',
  'checkin.card.noAnswer': 'Choose an answer first, or tap Skip.',
  'checkin.card.youChose': 'You chose {face} {label}.',
  'checkin.card.saved': 'Thank you! Your answers are saved.',
  'checkin.card.youSkipped': 'You skipped this one. That is OK.',
  'checkin.card.change': 'Change it',
  'checkin.card.answerAfterAll': 'Answer it now',
  'checkin.card.privacy': 'Your teacher sees how the class feels, not your name.',
  'checkin.card.forPupils.title': 'This check-in is for pupils',
  'checkin.card.forPupils.body':
    'Pupils in this class answer it. You see how the class feels in the class tab, never who said what.',
  'checkin.card.closed.title': 'This check-in has closed',
  'checkin.card.closed.body': 'Thank you to everyone who answered.',
  'checkin.card.unknown.title': 'We can’t find this check-in',
  'checkin.card.unknown.body': 'Nothing has changed. Ask your teacher if you need help.',
  'checkin.form.title': 'Post a check-in',
  'checkin.form.intro':
    'Pupils answer on the card. Nobody sees who said what: the class tab shows how the class feels once enough have answered.',
  'checkin.form.template': 'Which check-in?',
  'checkin.form.phase': 'Words for',
  'checkin.form.phase.primary': 'Younger pupils (KS1–2)',
  'checkin.form.phase.secondary': 'Older pupils (KS3–4)',
  'checkin.form.post': 'Post now',
  'checkin.form.posted.title': 'Check-in on its way',
  'checkin.form.posted.body':
    'It will appear in {channel} in a moment as a new post. It closes {when}.',
  'checkin.form.chooseTemplate': 'Choose which check-in to post.',
  'checkin.refused.pupil':
    'Only your teacher can post a check-in. When there is one, you can answer it or skip it.',
  'checkin.refused.staff':
    'Check-ins for this class are posted by its teachers (the team’s owners), the wellbeing lead and the school’s admin.',
  'checkin.form.choosePhase': 'Choose whose words to use.',
  'checkin.form.notReady.title': 'Check-ins can’t start yet',
  'checkin.form.notReady.body':
    'Check-ins start once two safeguarding adults (the DSL or deputies) have opened Belong in Teams. Ask your DSL.',
} as const;
