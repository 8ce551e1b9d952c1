/**
 * The richer demo's finished Children's Mental Health Week: Ms Khan ran last February's week in
 * Class 7B, and its five posts went out. Written the way the scheduler and the delivery engine
 * leave it — the schedule (ended), a decision per post, and each post's delivery settled as sent —
 * but nothing is sent to Teams: the deliveries are settled here, never handed to the engine.
 */
import { cmhwWeeks, promptById } from '../../core/content/content.js';
import { plannedCmhwWeek } from '../../core/content/cmhw-plan.js';
import { addDays } from '../../core/dates.js';
import { postsBetween, type ScheduleInput } from '../../core/schedule/schedule.js';
import type { DeliveryStore } from '../../core/stores/delivery-store.js';
import type { ScheduleStore } from '../../core/stores/schedule-store.js';
import type { TeamStore } from '../../core/stores/team-store.js';
import { enqueuePromptPost } from '../../bot/prompt-post.js';
import { demoCalendar } from './demo-calendar.js';
import type { DemoSchool } from './demo-school.js';

const timeZone = 'Europe/London';

/** Seeds the last published week that is over by `today`, if there is one. */
export async function seedDemoCmhw(
  deps: { schedules: ScheduleStore; deliveries: DeliveryStore; teams: TeamStore },
  school: DemoSchool,
  today: string,
): Promise<void> {
  const week = [...cmhwWeeks()].reverse().find((w) => addDays(w.startDate, 4) < today);
  const team = await deps.teams.get(school.tenantId, school.team.id);
  const teacher = school.people.find((p) => p.kind === 'teacher');
  if (!week || !team || !teacher) return;
  const planned = new Date(`${addDays(week.startDate, -21)}T16:00:00Z`);
  const input: ScheduleInput = {
    teamId: team.teamId,
    channelId: school.team.generalChannelId,
    time: '08:50',
    content: { kind: 'cmhw', year: week.year, phase: 'secondary' },
    repeat: { kind: 'cmhw' },
    locale: 'en-GB',
  };
  const id = `demo-cmhw-${week.year}`;
  if (await deps.schedules.get(school.tenantId, id)) return;
  await deps.schedules.create(school.tenantId, input, teacher.id, planned, id);
  const ctx = { calendar: demoCalendar(week.startDate), timeZone };
  const over = new Date(`${week.endDate}T23:00:00Z`);
  const posts = postsBetween({ ...input, id }, ctx, planned, over);
  const plannedWeek = plannedCmhwWeek(week.year)!;
  for (const [i, post] of posts.entries()) {
    const prompt = promptById(post.promptId);
    if (!prompt) continue;
    await deps.schedules.decide(
      school.tenantId,
      post,
      input.channelId,
      { status: 'queued' },
      post.at,
    );
    await enqueuePromptPost(
      deps.deliveries,
      school.tenantId,
      {
        occurrenceId: post.occurrenceId,
        team,
        channelId: input.channelId,
        prompt,
        locale: 'en-GB',
        cmhw: { week: plannedWeek, day: i + 1 },
        when: post.date,
      },
      post.at,
    );
    const sentAt = new Date(post.at.getTime() + 4_000);
    for (const delivery of await deps.deliveries.deliveriesOf(school.tenantId, post.occurrenceId)) {
      const claimed = await deps.deliveries.claim(
        school.tenantId,
        delivery,
        'demo-seed',
        new Date(sentAt.getTime() + 60_000),
        sentAt,
      );
      if (claimed)
        await deps.deliveries.settle(
          claimed,
          { status: 'sent', conversationId: `${input.channelId};messageid=demo-cmhw-${post.date}` },
          sentAt,
        );
    }
  }
  const stored = await deps.schedules.get(school.tenantId, id);
  if (stored) await deps.schedules.advance(stored, over, true);
}
