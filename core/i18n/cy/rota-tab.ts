import type { Translation } from '../index.js';
import type { enGBRotaTab } from '../en-GB/rota-tab.js';

export const cyRotaTab: Translation<typeof enGBRotaTab> = {} as const;
