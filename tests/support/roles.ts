import { schoolRoles, teamRoles, type Role } from '../../core/roles.js';

export const roles: Role[] = [...teamRoles, ...schoolRoles];
