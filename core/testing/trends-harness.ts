/**
 * The trends service as the attacker test reads it (tests only): the real TrendsService and
 * release ledger on the in-memory table store, fed from a SchoolState before every read, read
 * the way staff read it (the school view as the wellbeing lead, every class view), every figure
 * turned into a Figure with the settings and check-ins it was worked out from — for a published
 * period, those of the ledger row that holds it.
 */
import type { Access } from '../access.js';
import type { Clock } from '../ports/directory.js';
import type { SchoolCalendar } from '../schedule/calendar.js';
import { SchoolStore } from '../stores/school-store.js';
import { TeamStore } from '../stores/team-store.js';
import { MemoryTableStore } from './memory-table-store.js';
import { CheckinSettingsStore } from '../checkin/checkin-settings.js';
import { CheckinStore } from '../checkin/checkin-store.js';
import { ReleaseLedger, type ReleasedPeriod } from '../checkin/release-ledger.js';
import { TrendsService } from '../checkin/trends-service.js';
import {
  figuresOf,
  indexEntries,
  type Figure,
  type SchoolState,
} from '../checkin/trends-scenario.js';

export const harnessCalendar: SchoolCalendar = {
  terms: [{ name: 'Autumn', start: '2026-09-01', end: '2026-12-18' }],
  closures: [],
};

export interface Harness {
  /** Everything staff can read now, after bringing the stores up to the state. */
  read(s: SchoolState): Promise<Figure[]>;
  service: TrendsService;
  ledger: ReleaseLedger;
  lead: Access;
}

const tenantId = 'tenant-attack';

export async function trendsHarness(): Promise<Harness> {
  const store = new MemoryTableStore();
  const schools = new SchoolStore(store);
  const teams = new TeamStore(store);
  const checkins = new CheckinStore(store);
  const settings = new CheckinSettingsStore(store);
  const ledger = new ReleaseLedger(store);
  let now = new Date('2026-11-23T12:00:00Z');
  const clock: Clock = { now: () => now };
  const service = new TrendsService({ schools, teams, checkins, settings, ledger, clock });
  await schools.setCalendar(tenantId, harnessCalendar);
  const installed = new Set<string>();
  const lead: Access = {
    tenantId,
    userId: 'lead',
    schoolRoles: ['wellbeing_lead'],
    teams: [],
    roles: ['wellbeing_lead'],
  };

  async function sync(s: SchoolState) {
    now = new Date(`${s.today}T12:00:00Z`);
    for (const teamId of s.teamIds) {
      if (installed.has(teamId)) continue;
      installed.add(teamId);
      await teams.recordInstall(
        tenantId,
        { teamId, name: teamId, serviceUrl: 'http://127.0.0.1:9/', channels: [] },
        new Date('2026-09-01T00:00:00Z'),
      );
    }
    for (const teamId of s.teamIds) {
      for (const e of indexEntries(s, teamId)) {
        await store.upsert(
          'checkins',
          { tenantId, partition: `class:${teamId}`, row: `${e.date}|${e.checkinId}` },
          e,
        );
      }
    }
    await checkins.touchTrends(tenantId);
    await settings.put(tenantId, { k: s.k, yearGroups: { ...s.yearGroups } });
  }

  async function read(s: SchoolState): Promise<Figure[]> {
    await sync(s);
    const out: Figure[] = [];
    const school = await service.schoolTrends(lead, 'mood', 'week');
    const rows = new Map<string, ReleasedPeriod>(
      (await ledger.list(tenantId)).map((r) => [r.period.id, r]),
    );
    const fromFor = (periodId: string) => {
      const row = rows.get(periodId);
      if (!row) throw new Error(`${periodId} was shown but is not in the ledger`);
      return {
        yearGroups: row.yearGroups,
        checkinIds: row.checkinIds,
      };
    };
    school.periods.forEach((p, i) => {
      const from = fromFor(p.id);
      for (const c of school.classes) {
        const d = c.cells[i];
        if (d) out.push(...figuresOf(d, { level: 'class', key: c.teamId, periodId: p.id, from }));
      }
      for (const y of school.yearGroups) {
        const d = y.cells[i];
        if (d) out.push(...figuresOf(d, { level: 'year', key: y.yearGroup, periodId: p.id, from }));
      }
      const d = school.school[i];
      if (d) out.push(...figuresOf(d, { level: 'school', key: '', periodId: p.id, from }));
    });
    for (const teamId of s.teamIds) {
      const view = await service.classTrends(lead, teamId);
      for (const q of view.questions) {
        if (q.questionId !== 'mood' || q.kind !== 'week') continue;
        for (const row of q.rows) {
          out.push(
            ...figuresOf(row, {
              level: 'class',
              key: teamId,
              periodId: row.periodId,
              from: fromFor(row.periodId),
            }),
          );
        }
      }
    }
    return out;
  }

  return { read, service, ledger, lead };
}
