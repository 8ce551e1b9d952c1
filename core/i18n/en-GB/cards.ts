/** Strings for Adaptive Cards and bot replies (bot/). Keys are prefixed `card.`. */
export const enGBCards = {
  'card.help.title': 'Hello, I’m Belong',
  'card.help.intro.pupil':
    'I help your class feel like a team. Your teacher can post things here for the class to talk about.',
  'card.help.intro.teacher':
    'I help your class feel connected. You post connection prompts and check-ins to your class channels. You see how the class feels, never who said what.',
  'card.help.intro.ambassador':
    'Thank you for being a wellbeing ambassador. I will show you your rota and remind you on the day.',
  'card.help.intro.coordinator':
    'You run the wellbeing ambassador rota: slots, ambassadors, swaps and the supervising adult.',
  'card.help.intro.wellbeing_lead':
    'You see how the whole school feels, in anonymised trends that never show a small group.',
  'card.help.intro.dsl':
    'When a pupil asks to talk to someone, I message you and your deputies straight away, with the pupil’s name.',
  'card.help.intro.admin': 'You set up Belong for your school: roles, term dates and settings.',
  'card.help.intro.other': 'I help pupils and staff feel connected at school.',
  'card.help.commandsHeading': 'What you can type',
  'card.help.command.help': 'Show this help again.',
  'card.help.command.prompts': 'Browse connection prompts; post one now or schedule it.',
  'card.help.command.schedule': 'Plan a post: what, which channel, when and how often.',
  'card.help.command.schedules': 'See what is planned for this class, and cancel posts.',
  'card.help.command.cmhw': 'Run Children’s Mental Health Week in this class: one prompt a day.',
  'card.help.command.checkin': 'Post a check-in for the class to answer now: mood or belonging.',
  'card.help.command.talk': 'Ask to talk to a trusted adult. They will see your name.',
  'card.help.command.buddy': 'Ask for a buddy at break or lunch.',
  'card.help.tabHint': 'Open the Belong tab to see more.',
  'card.unknownCommand.title': 'Sorry, I don’t know that one',
  'card.unknownCommand.body': 'I don’t understand “{command}” yet. Here is what you can type.',
  'card.unknownAction.title': 'Sorry, that button didn’t work',
  'card.unknownAction.body': 'Nothing has changed. Please try again, or type help.',
  'card.error.title': 'Sorry, something went wrong',
  'card.error.body': 'Nothing has changed. Please try again in a minute.',
} as const;
