import type { Translation } from '../index.js';
import type { enGBRotaNotify } from '../en-GB/rota-notify.js';

export const cyRotaNotify: Translation<typeof enGBRotaNotify> = {} as const;
