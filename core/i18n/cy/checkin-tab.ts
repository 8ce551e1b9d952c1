import type { Translation } from '../index.js';
import type { enGBCheckinTab } from '../en-GB/checkin-tab.js';

export const cyCheckinTab: Translation<typeof enGBCheckinTab> = {
  'tab.checkins.nav.class': 'Holiaduron',
  'tab.checkins.nav.mine': 'Fy holiaduron',
} as const;
