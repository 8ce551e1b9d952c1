/**
 * The rota as one request sees it: settings, slots, ambassadors, the school calendar and today's
 * date in the school's time zone, read once at the start so every rule in the request judges
 * against the same picture. Weeks and requests are not in it: they change under concurrent
 * requests, so each action reads and writes them with their etags (decision 011).
 */
import type { Clock } from '../ports/directory.js';
import { defaultTimeZone, type SchoolCalendar } from '../schedule/index.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { RotaSlot } from './rota.js';
import type { RotaEvents } from './rota-notices.js';
import type { AmbassadorRecord, RotaSettings, RotaStore } from './rota-store.js';
import { localDateOf } from '../dates.js';

export interface RotaServiceDeps {
  rotas: RotaStore;
  schools: SchoolStore;
  clock: Clock;
  /** Told when a request is accepted, approved or declined, so the people involved hear (decision 015). */
  rotaEvents?: RotaEvents;
}

export interface RotaContext {
  tenantId: string;
  today: string;
  now: Date;
  settings: RotaSettings | undefined;
  slots: RotaSlot[];
  slotById: Map<string, RotaSlot>;
  ambassadors: Map<string, AmbassadorRecord>;
  calendar: SchoolCalendar;
}

export async function loadContext(deps: RotaServiceDeps, tenantId: string): Promise<RotaContext> {
  const { rotas, schools, clock } = deps;
  const [school, calendar, settings, slots, ambassadors] = await Promise.all([
    schools.get(tenantId),
    schools.calendar(tenantId),
    rotas.settings(tenantId),
    rotas.slots(tenantId),
    rotas.ambassadors(tenantId),
  ]);
  const now = clock.now();
  return {
    tenantId,
    now,
    today: localDateOf(now, school?.timeZone ?? defaultTimeZone),
    settings,
    slots,
    slotById: new Map(slots.map((s) => [s.id, s])),
    ambassadors: new Map(ambassadors.map((a) => [a.id, a])),
    calendar,
  };
}
