import type { MeResponse } from '../../../../core/api.js';

/**
 * Which rota views to offer. Only a hint for the navigation: the server decides (coordinator
 * routes need `coordinator` or `admin`, ambassador routes need `ambassador`).
 */
export function rotaRoles(me: Pick<MeResponse, 'roles'>): {
  coordinator: boolean;
  ambassador: boolean;
} {
  return {
    coordinator: me.roles.some((role) => role === 'coordinator' || role === 'admin'),
    ambassador: me.roles.includes('ambassador'),
  };
}
