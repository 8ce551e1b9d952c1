/**
 * What other core folders use of the rota: who is on duty, and the port for people's names.
 * Inside core/ a feature folder is imported only through its index (.dependency-cruiser.cjs says
 * why).
 */
export type { PersonNames } from './rota-notices.js';
export type { DutyView } from './views.js';
