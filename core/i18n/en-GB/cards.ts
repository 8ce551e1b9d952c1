/** Strings for Adaptive Cards and bot replies (bot/). Keys are prefixed `card.` or `bot.`. */
export const enGBCards = {
  'card.help.title': 'Belong',
} as const;
