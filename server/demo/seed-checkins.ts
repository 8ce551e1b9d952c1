/**
 * A short check-in history for the demo school, so that a pupil's "My check-ins" and Class 7B's
 * check-ins in the tab have something to show on the first run: the daily mood check-in in
 * Class 7B's General channel on each of the last ten school days before today (so after a holiday,
 * the end of the term before, or of the last school year), closed, answered by some of the class's
 * pupils.
 *
 * They are written the way the bot's answer path and closing leave them (CheckinStore: the
 * record, answers against the pupils' keyed pseudonyms, the final aggregate in the class index),
 * but never posted: nothing goes into the outbox, so the seed sends nothing to Teams, and closing
 * has nothing to update.
 */
import type { AnswerValue, Checkin } from '../../core/checkin/checkin.js';
import { closingTime } from '../../core/checkin/checkin-service.js';
import type { CheckinStore } from '../../core/checkin/checkin-store.js';
import type { ScalePoint } from '../../core/checkin/templates.js';
import { isBelongError } from '../../core/errors.js';
import type { Pseudonymiser } from '../../core/ports/pseudonymiser.js';
import { schoolDaysBetween, type SchoolCalendar } from '../../core/schedule/calendar.js';
import { demoCalendar } from './demo-calendar.js';
import type { DemoSchool } from './demo-school.js';
import { addDays, instantOf, localDateOf } from '../../core/dates.js';

const timeZone = 'Europe/London';
/** School days of history: two school weeks. */
const historyDays = 10;
/** When the scheduler posts a school day's check-in by default. */
const postingTime = '08:50';

/**
 * Writes the history and returns the check-ins written. Each has a fixed id from its date, so
 * a seed interrupted and run again writes the same check-ins, not more.
 */
export async function seedDemoCheckins(
  deps: { checkins: CheckinStore; pseudonyms: Pseudonymiser },
  school: DemoSchool,
  calendar: SchoolCalendar,
  now: Date,
): Promise<Checkin[]> {
  const today = localDateOf(now, timeZone);
  const dates = lastSchoolDays(calendar, addDays(today, -1), historyDays);
  const pupils = school.people.filter((p) => p.classRole === 'member');
  const written: Checkin[] = [];
  for (const date of dates) {
    const postedAt = instantOf(date, postingTime, timeZone);
    const checkin: Checkin = {
      id: `demo-daily-mood-${date}`,
      teamId: school.team.id,
      channelId: school.team.generalChannelId,
      templateId: 'daily-mood',
      // Year 7: secondary wording.
      phase: 'secondary',
      locale: 'en-GB',
      date,
      closesAt: instantOf(date, closingTime, timeZone).toISOString(),
      timeZone,
      classSize: pupils.length,
      createdAt: postedAt.toISOString(),
    };
    try {
      await deps.checkins.create(school.tenantId, checkin);
    } catch (e) {
      if (!isBelongError(e, 'conflict')) throw e;
    }
    await Promise.all(
      pupils.map((pupil, i) => {
        const answer = demoAnswer(i, date);
        return answer
          ? deps.checkins.answer(
              school.tenantId,
              checkin.id,
              deps.pseudonyms.pseudonymOf(school.tenantId, pupil.id),
              answer,
              new Date(postedAt.getTime() + (i + 1) * 4 * 60_000),
            )
          : undefined;
      }),
    );
    await deps.checkins.markClosed(school.tenantId, checkin);
    written.push(checkin);
  }
  return written;
}

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

const moods: readonly ScalePoint[] = [4, 5, 3, 4, 5, 2, 4, 3, 5, 4];

/**
 * What the `pupil`th pupil of the class answered on `date`: made from the two, never at random,
 * so every seed gives the same history. Most days a pupil answers, mostly 3 to 5; now and then
 * they don't answer, or skip.
 */
export function demoAnswer(pupil: number, date: string): AnswerValue | undefined {
  const day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  if ((pupil + day) % 4 === 0) return undefined;
  if ((2 * pupil + day) % 9 === 0) return { points: {}, skipped: true };
  return { points: { mood: moods[(3 * pupil + 2 * day) % moods.length]! }, skipped: false };
}
