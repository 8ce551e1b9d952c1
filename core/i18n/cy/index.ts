/**
 * The Welsh catalogue. The tab loads it only for Welsh readers (a chunk of its own, decision 034);
 * the server registers it at start (core/i18n/all-locales.ts).
 */
import type { Translation } from '../types.js';
import type { enGB } from '../en-GB/index.js';
import { cyCards } from './cards.js';
import { cyTab } from './tab.js';
import { cyConnect } from './connect.js';
import { cyRota } from './rota.js';
import { cyCheckin } from './checkin.js';
import { cyRotaTab } from './rota-tab.js';
import { cyRotaNotify } from './rota-notify.js';
import { cyCheckinTab } from './checkin-tab.js';
import { cyCheckinSchool } from './checkin-school.js';
import { cyTalk } from './talk.js';
import { cySupportTab } from './support-tab.js';
import { cyRolesTab } from './roles-tab.js';
import { cyDates } from './dates.js';

export const cy: Translation<typeof enGB> = {
  ...cyDates,
  ...cyCards,
  ...cyTab,
  ...cyConnect,
  ...cyRota,
  ...cyCheckin,
  ...cyRotaTab,
  ...cyRotaNotify,
  ...cyCheckinTab,
  ...cyCheckinSchool,
  ...cyTalk,
  ...cySupportTab,
  ...cyRolesTab,
};
