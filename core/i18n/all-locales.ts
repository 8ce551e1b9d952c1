/**
 * Every language Belong ships, added at once: the server and the bot answer anyone, in their own
 * language, from the first message. (The tab loads a language only when its reader needs it:
 * tab/src/i18n/load-messages.ts.) Importing this module is enough.
 */
import { addMessages } from './index.js';
import { cy } from './cy/index.js';

addMessages('cy', cy);
