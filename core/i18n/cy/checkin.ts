import type { Translation } from '../index.js';
import type { enGBCheckin } from '../en-GB/checkin.js';

export const cyCheckin: Translation<typeof enGBCheckin> = {} as const;
