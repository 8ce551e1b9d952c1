/**
 * Refusals worded for the person who asked (issue 18.6). A pupil typing a teacher's command in
 * their class is told that their teacher does this and what they can do instead; a member of
 * staff (the DSL, a teacher of another class, the coordinator) is told who does it and whom to
 * ask — never "Only your teacher can …".
 */
import type { Access } from '../core/access.js';
import { t, type Locale } from '../core/i18n/index.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import { buildMessageCard } from './cards/message-card.js';

/** What the person tried to do: plan posts (Connect) or post a check-in. */
export type TeacherTask = 'posts' | 'checkins';

/** True when the person is a pupil of this class team and holds no staff role anywhere. */
export function asksAsPupil(access: Access, teamId: string): boolean {
  const staff =
    access.schoolRoles.some((r) => r !== 'ambassador') ||
    access.teams.some((t) => t.role === 'teacher');
  return !staff && access.teams.some((t) => t.role === 'pupil' && t.team.teamId === teamId);
}

/** The refusal card for someone who may not do `task` in this class team. */
export function refusalFor(
  access: Access,
  teamId: string,
  task: TeacherTask,
  locale: Locale,
): AdaptiveCard {
  if (asksAsPupil(access, teamId)) {
    return buildMessageCard({
      locale,
      title: t(locale, 'connect.card.teachersOnly.title'),
      lines: [
        t(locale, task === 'posts' ? 'connect.card.teachersOnly.body' : 'checkin.refused.pupil'),
      ],
    });
  }
  return buildMessageCard({
    locale,
    title: t(locale, 'connect.card.staffRefused.title'),
    lines: [
      t(locale, task === 'posts' ? 'connect.card.staffRefused.posts' : 'checkin.refused.staff'),
      t(locale, 'connect.card.staffRefused.ask'),
    ],
  });
}
