/** The en-GB catalogue: Belong's source language, always loaded (the fallback for every key). */
import { enGBCards } from './cards.js';
import { enGBTab } from './tab.js';
import { enGBConnect } from './connect.js';
import { enGBRota } from './rota.js';
import { enGBCheckin } from './checkin.js';
import { enGBRotaTab } from './rota-tab.js';
import { enGBRotaNotify } from './rota-notify.js';
import { enGBCheckinTab } from './checkin-tab.js';
import { enGBCheckinSchool } from './checkin-school.js';
import { enGBTalk } from './talk.js';
import { enGBSupportTab } from './support-tab.js';
import { enGBRolesTab } from './roles-tab.js';
import { enGBDates } from './dates.js';

export const enGB = {
  ...enGBDates,
  ...enGBCards,
  ...enGBTab,
  ...enGBConnect,
  ...enGBRota,
  ...enGBCheckin,
  ...enGBRotaTab,
  ...enGBRotaNotify,
  ...enGBCheckinTab,
  ...enGBCheckinSchool,
  ...enGBTalk,
  ...enGBSupportTab,
  ...enGBRolesTab,
} as const;
