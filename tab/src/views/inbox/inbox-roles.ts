import type { MeResponse } from '../../../../core/api.js';

/**
 * The inbox is the DSL's and deputies'. Only a hint for the navigation and the view: the server
 * decides, and refuses everyone else.
 */
export const mayUseInbox = (me: Pick<MeResponse, 'roles'>): boolean =>
  me.roles.includes('dsl') || me.roles.includes('deputy_dsl');
