/**
 * A school that can take talk requests (issue 17): check-ins wait for it, so every suite that
 * posts one makes the demo school ready first, the way a school becomes ready.
 */
import type { SchoolStore } from '../../core/stores/school-store.js';
import { demoSchool } from '../../server/demo/demo-school.js';
import { person, personalInstall, postActivity } from './activities.js';

/** The demo school's DSL (Ms Ruth Evans) and deputy DSL (Mr Owen Davies). */
export const safeguardingAdults = () => [person('dsl'), person('deputy_dsl')];

/**
 * The DSL and the deputy open Belong in Teams: each personal install reaches the bot at
 * `appUrl`'s /api/messages, which records a chat it can message them in. With their school roles
 * (the demo seed gives them; see `giveSafeguardingRoles`), the school can take talk requests.
 */
export async function openSafeguardingChats(appUrl: string, connectorUrl: string): Promise<void> {
  for (const who of safeguardingAdults()) {
    const res = await postActivity(appUrl, personalInstall(connectorUrl, who));
    if (res.status !== 200)
      throw new Error(`${who.displayName}'s personal install was answered ${res.status}`);
  }
}

/** Their school roles, for suites that do not seed the demo school. */
export async function giveSafeguardingRoles(schools: SchoolStore): Promise<void> {
  for (const who of safeguardingAdults())
    await schools.setRoles(demoSchool.tenantId, who.id, who.schoolRoles);
}
