import type { Translation } from '../index.js';
import type { enGBCheckinSchool } from '../en-GB/checkin-school.js';

export const cyCheckinSchool: Translation<typeof enGBCheckinSchool> = {
  'tab.trends.nav': 'Tueddiadau’r ysgol',
} as const;
