import type { Translation } from '../index.js';
import type { enGBCards } from '../en-GB/cards.js';

export const cyCards: Translation<typeof enGBCards> = {
  'card.help.title': 'Perthyn',
};
