import type { Translation } from '../index.js';
import type { enGBTab } from '../en-GB/tab.js';

export const cyTab: Translation<typeof enGBTab> = {
  'tab.title': 'Perthyn',
};
