/**
 * The richer demo's check-in history, so that trends, the heat map, the CSV and a pupil's
 * "My check-ins" have something to show on the first run: in every demo class team, the daily
 * mood on each of the last six school weeks' days before today (so after a holiday, the end of the
 * term before, or of the last school year), the belonging pulse on the last school day of each of
 * those weeks, and the termly belonging questionnaire once, at the start of the six weeks — all
 * closed, answered by some of the class's pupils.
 *
 * They are written the way the bot's answer path and closing leave them (CheckinStore: the
 * record, answers against the pupils' keyed pseudonyms, the final aggregate in the class index),
 * but never posted: nothing goes into the outbox, so the seed sends nothing to Teams, and closing
 * has nothing to update.
 *
 * Answers come from a seeded generator keyed by class, pupil, template and date (prng.ts), so
 * every seed gives the same history, and a test can work out what any pupil answered.
 */
import type { AnswerValue, Checkin } from '../../core/checkin/checkin.js';
import { closingTime } from '../../core/checkin/checkin-service.js';
import type { CheckinStore } from '../../core/checkin/checkin-store.js';
import {
  checkinTemplate,
  type CheckinTemplateId,
  type ScalePoint,
} from '../../core/checkin/templates.js';
import { isBelongError } from '../../core/errors.js';
import type { Pseudonymiser } from '../../core/ports/pseudonymiser.js';
import { schoolDaysBetween, type SchoolCalendar } from '../../core/schedule/calendar.js';
import { demoCalendar } from './demo-calendar.js';
import type { DemoClass } from './demo-classes.js';
import type { DemoSchool } from './demo-school.js';
import { seededRandom } from '../../core/prng.js';
import { addDays, instantOf, localDateOf, mondayOf } from '../../core/dates.js';

const timeZone = 'Europe/London';
/** School days of history: six school weeks. */
export const historyDays = 30;
/** When the scheduler posts a school day's check-in by default. */
const postingTime = '08:50';
/** Check-ins written at once: enough to keep Azurite busy, few enough not to swamp it. */
const parallel = 6;

/** A class as the seed sees it: its team, and its pupils in order (7B's personas first). */
export interface SeedClass {
  class: DemoClass;
  pupilIds: string[];
}

/** Every demo class with its pupils; Class 7B's Playground pupils come first, in persona order. */
export function seedClasses(school: DemoSchool): SeedClass[] {
  return school.classes.map((c) => ({
    class: c,
    pupilIds: [
      ...(c.teamId === school.team.id
        ? school.people.filter((p) => p.classRole === 'member').map((p) => p.id)
        : []),
      ...c.pupils.map((p) => p.id),
    ],
  }));
}

/** One check-in the history has: which class, which template, which day. */
export interface PlannedCheckin {
  seedClass: SeedClass;
  templateId: CheckinTemplateId;
  date: string;
}

/** The history's check-ins, oldest first within each class. */
export function plannedCheckins(
  school: DemoSchool,
  calendar: SchoolCalendar,
  today: string,
): PlannedCheckin[] {
  const dates = lastSchoolDays(calendar, addDays(today, -1), historyDays);
  // The pulse on each week's last school day in the history, if that week is over.
  const pulseDates = dates.filter(
    (d, i) => mondayOf(dates[i + 1] ?? today) !== mondayOf(d) && mondayOf(today) !== mondayOf(d),
  );
  // The termly questionnaire stays open a week: on the first day, so it closed long ago.
  const termlyDate = dates[0];
  return seedClasses(school).flatMap((seedClass) => [
    ...(termlyDate
      ? [{ seedClass, templateId: 'termly-belonging' as const, date: termlyDate }]
      : []),
    ...dates.flatMap((date) => [
      { seedClass, templateId: 'daily-mood' as const, date },
      ...(pulseDates.includes(date)
        ? [{ seedClass, templateId: 'belonging-pulse' as const, date }]
        : []),
    ]),
  ]);
}

/**
 * Writes the history and returns the check-ins written. Each has a fixed id from its class,
 * template and date, so a seed interrupted and run again writes the same check-ins, not more.
 */
export async function seedDemoCheckins(
  deps: { checkins: CheckinStore; pseudonyms: Pseudonymiser },
  school: DemoSchool,
  calendar: SchoolCalendar,
  now: Date,
): Promise<Checkin[]> {
  const planned = plannedCheckins(school, calendar, localDateOf(now, timeZone));
  const written: Checkin[] = [];
  for (let i = 0; i < planned.length; i += parallel) {
    written.push(
      ...(await Promise.all(
        planned.slice(i, i + parallel).map((p) => writeCheckin(deps, school.tenantId, p)),
      )),
    );
  }
  return written;
}

async function writeCheckin(
  deps: { checkins: CheckinStore; pseudonyms: Pseudonymiser },
  tenantId: string,
  { seedClass, templateId, date }: PlannedCheckin,
): Promise<Checkin> {
  const postedAt = instantOf(date, postingTime, timeZone);
  const openDays = checkinTemplate(templateId).openDays;
  const checkin: Checkin = {
    id: demoCheckinId(seedClass.class, templateId, date),
    teamId: seedClass.class.teamId,
    channelId: seedClass.class.generalChannelId,
    templateId,
    // Years 7 to 9: secondary wording.
    phase: 'secondary',
    locale: 'en-GB',
    date,
    closesAt: instantOf(addDays(date, openDays), closingTime, timeZone).toISOString(),
    timeZone,
    classSize: seedClass.pupilIds.length,
    createdAt: postedAt.toISOString(),
  };
  try {
    await deps.checkins.create(tenantId, checkin);
  } catch (e) {
    if (!isBelongError(e, 'conflict')) throw e;
  }
  await Promise.all(
    seedClass.pupilIds.map((pupilId, i) => {
      const answer = demoAnswer(seedClass.class, i, templateId, date);
      return answer
        ? deps.checkins.answer(
            tenantId,
            checkin.id,
            deps.pseudonyms.pseudonymOf(tenantId, pupilId),
            answer,
            new Date(postedAt.getTime() + (i + 1) * 2 * 60_000),
          )
        : undefined;
    }),
  );
  await deps.checkins.markClosed(tenantId, checkin);
  return checkin;
}

const demoCheckinId = (c: DemoClass, templateId: CheckinTemplateId, date: string) =>
  `demo-${c.teamId.slice(3, c.teamId.indexOf('@'))}-${templateId}-${date}`;

/**
 * The last `count` school days up to `until`. Early in the school year (or in the summer break,
 * when the demo calendar is already next year's) they run back into the summer term before.
 */
function lastSchoolDays(calendar: SchoolCalendar, until: string, count: number): string[] {
  const firstDay = calendar.terms[0]?.start ?? until;
  const these = schoolDaysBetween(calendar, firstDay, until);
  if (these.length >= count || !calendar.terms.length) return these.slice(-count);
  const yearBefore = demoCalendar(addDays(firstDay, -45));
  const before = schoolDaysBetween(yearBefore, yearBefore.terms[0]!.start, addDays(firstDay, -1));
  return [...before, ...these].slice(-count);
}

const clampPoint = (x: number): ScalePoint => Math.min(5, Math.max(1, Math.round(x))) as ScalePoint;

/**
 * What the `pupil`th pupil of a class answered to a check-in on `date`: drawn from a generator
 * keyed by all four, never at random, so every seed gives the same history. Each pupil has their
 * own usual mood and habit of answering; each class its own mood; each week a mood of its own
 * (a hard week now and then); Mondays are a little lower and Fridays a little higher. Now and then
 * a pupil doesn't answer, or skips; in the longer check-ins they leave the odd question blank.
 */
export function demoAnswer(
  c: DemoClass,
  pupil: number,
  templateId: CheckinTemplateId,
  date: string,
): AnswerValue | undefined {
  const person = seededRandom(`pupil|${c.teamId}|${pupil}`);
  const usualMood = (person() - 0.5) * 1.6;
  const keenness = 0.6 + person() * 0.55;
  const week = seededRandom(`week|${c.teamId}|${mondayOf(date)}`);
  const weekMood = (week() - 0.6) * 0.9;
  const random = seededRandom(`answer|${c.teamId}|${pupil}|${templateId}|${date}`);
  if (random() > c.feel.answering * keenness) return undefined;
  if (random() < 0.05) return { points: {}, skipped: true };
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const dayMood = weekday === 1 ? -0.25 : weekday === 5 ? 0.3 : 0;
  const mean = c.feel.mood + usualMood + weekMood;
  const points: Record<string, ScalePoint> = {};
  for (const question of checkinTemplate(templateId).questions) {
    if (question.id === 'mood') {
      points.mood = clampPoint(mean + dayMood + (random() - 0.5) * 2.8);
    } else if (random() > 0.06) {
      points[question.id] = clampPoint(mean + 0.2 + (random() - 0.5) * 2);
    }
  }
  if (!Object.keys(points).length) return { points: {}, skipped: true };
  return { points, skipped: false };
}
