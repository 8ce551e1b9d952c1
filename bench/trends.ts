/**
 * `npm run bench:trends`: a school year of check-ins, then the trend API as staff call it.
 *
 * Seeds the real server's store (Azurite, its own process) with 60 class teams × 190 school days
 * of closed daily-mood check-ins from classes of 25 (answers drawn from a fixed seed), plus a
 * weekly belonging pulse and a termly questionnaire per class — the class index rows with their
 * final aggregates, exactly as closing writes them. The server's clock is set after the year's
 * end, so the first (cold) call publishes every week and term into the release ledger (decision
 * 012). Then, through HTTP as the wellbeing lead: the first (cold) call of each view, and
 * `--runs` more calls of the whole-school view (`/api/school/checkins/trends`) and of a class view
 * (`/api/teams/:id/checkins/trends`).
 * Options: --runs 50 --classes 60 --days 190 --pupils 25
 * Last line: {"bench":"trends","schoolP50ms":…,"schoolP95ms":…,"classP50ms":…,"classP95ms":…}
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CheckinIndexEntry } from '../core/checkin/checkin-store.js';
import { CheckinStore } from '../core/checkin/checkin-store.js';
import { checkinTemplate, type CheckinTemplateId } from '../core/checkin/templates.js';
import { schoolDaysBetween } from '../core/schedule/calendar.js';
import { TeamStore } from '../core/stores/team-store.js';
import { demoCalendar } from '../server/demo/demo-calendar.js';
import { demoSchool } from '../server/demo/demo-school.js';
import { AzureTableStore } from '../server/storage/azure-table-store.js';
import { devToken } from '../tests/support/api-client.js';
import { startAzurite } from '../tests/support/azurite.js';
import { startServerProcess } from '../tests/support/stack.js';
import { mulberry32 } from '../core/prng.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    classes: { type: 'string', default: '60' },
    days: { type: 'string', default: '190' },
    pupils: { type: 'string', default: '25' },
  },
});
const runs = Number(values.runs);
const classCount = Number(values.classes);
const dayCount = Number(values.days);
const pupils = Number(values.pupils);

const random = mulberry32(7);
/** One pupil's answer: mostly 3–5, a few 1–2; about 1 in 8 doesn't answer. */
const answer = (): number => {
  const r = random();
  return r < 0.12 ? 0 : r < 0.17 ? 1 : r < 0.27 ? 2 : r < 0.52 ? 3 : r < 0.82 ? 4 : 5;
};

function closed(
  teamId: string,
  date: string,
  templateId: CheckinTemplateId,
  n: number,
): CheckinIndexEntry {
  const counts: Record<string, number[]> = {};
  const answered = Array.from({ length: pupils }, () => answer() > 0);
  for (const q of checkinTemplate(templateId).questions) {
    const c = [0, 0, 0, 0, 0];
    answered.forEach((yes) => {
      if (!yes) return;
      const p = answer() || 3;
      c[p - 1]! += 1;
    });
    counts[q.id] = c;
  }
  const respondents = answered.filter(Boolean).length;
  return {
    checkinId: `${teamId}-${templateId}-${n}`,
    templateId,
    phase: 'secondary',
    date,
    closesAt: `${date}T17:00:00.000Z`,
    classSize: pupils,
    final: { respondents, skipped: 0, counts },
  };
}

const azurite = await startAzurite();
const tablePrefix = `bench${randomBytes(4).toString('hex')}`;
const { url, child } = await startServerProcess({
  connectionString: azurite.connectionString,
  tablePrefix,
  // The end of the school year: every week and term is over, so each is published (decision 012)
  // at the first call and read from the release ledger after that — the most a view ever holds.
  env: {
    LOG_LEVEL: 'warn',
    SCHEDULER_WORKER: 'false',
    DELIVERY_WORKER: 'false',
    DEV_CLOCK: 'true',
    DEV_CLOCK_START: '2027-08-02T12:00:00Z',
  },
});
try {
  const store = await AzureTableStore.open(
    { kind: 'connectionString', connectionString: azurite.connectionString },
    tablePrefix,
  );
  const tenantId = demoSchool.tenantId;
  // The demo school's 2026–27 year, which the days below are taken from.
  const calendar = demoCalendar('2026-09-01');
  const teams = new TeamStore(store);
  const days = schoolDaysBetween(calendar, '2026-09-01', '2027-07-31').slice(0, dayCount);
  const seedStart = performance.now();
  let entries = 0;
  const teamIds: string[] = [];
  for (let c = 0; c < classCount; c++) {
    const teamId = `19:bench-class-${c}@thread.tacv2`;
    teamIds.push(teamId);
    await teams.recordInstall(
      tenantId,
      {
        teamId,
        name: `${7 + (c % 5)}${String.fromCharCode(65 + Math.floor(c / 5))}`,
        serviceUrl: 'http://127.0.0.1:9/',
        channels: [{ id: teamId, name: 'General' }],
      },
      new Date('2026-09-01T00:00:00Z'),
    );
    const rows: CheckinIndexEntry[] = days.map((d, i) => closed(teamId, d, 'daily-mood', i));
    // A belonging pulse each Friday, the termly questionnaire near each term's end.
    days.forEach((d, i) => {
      if (new Date(`${d}T12:00:00Z`).getUTCDay() === 5)
        rows.push(closed(teamId, d, 'belonging-pulse', i));
    });
    for (const term of calendar.terms) {
      const last = days.filter((d) => d <= term.end && d >= term.start).at(-5);
      if (last) rows.push(closed(teamId, last, 'termly-belonging', 0));
    }
    for (let i = 0; i < rows.length; i += 100) {
      await store.transact(
        'checkins',
        tenantId,
        `class:${teamId}`,
        rows.slice(i, i + 100).map((e) => ({
          op: 'upsert' as const,
          row: `${e.date}|${e.checkinId}`,
          value: e,
        })),
      );
    }
    entries += rows.length;
  }
  await new CheckinStore(store).touchTrends(tenantId);
  await store.upsert(
    'checkins',
    { tenantId, partition: 'settings', row: 'school' },
    {
      k: 10,
      yearGroups: Object.fromEntries(teamIds.map((id, c) => [id, String(7 + (c % 5))])),
    },
  );
  console.log(
    `seeded ${classCount} classes, ${entries} closed check-ins in ${Math.round(performance.now() - seedStart)} ms`,
  );

  const lead = demoSchool.people.find((p) => p.kind === 'wellbeing_lead')!;
  const token = await devToken(url, lead.id);
  const time = async (path: string): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return performance.now() - t0;
  };
  const schoolPath = '/api/school/checkins/trends?question=mood&period=week';
  const classPath = `/api/teams/${encodeURIComponent(teamIds[0]!)}/checkins/trends`;
  const coldSchool = await time(schoolPath);
  const coldClass = await time(classPath);
  console.log(
    `cold (first call after the data changed): school ${coldSchool.toFixed(0)} ms, class ${coldClass.toFixed(0)} ms`,
  );
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  };
  const schoolMs: number[] = [];
  const classMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    schoolMs.push(await time(schoolPath));
    classMs.push(
      await time(`/api/teams/${encodeURIComponent(teamIds[i % teamIds.length]!)}/checkins/trends`),
    );
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'trends',
      schoolP50ms: round(pct(schoolMs, 50)),
      schoolP95ms: round(pct(schoolMs, 95)),
      classP50ms: round(pct(classMs, 50)),
      classP95ms: round(pct(classMs, 95)),
    }),
  );
} finally {
  await child.stop();
  await azurite.stop();
}
