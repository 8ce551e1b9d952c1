/**
 * The one check behind every teacher command and button in a class channel (Connect's posts and
 * check-ins): it must be said in a class team, the class must still have Belong, and the person
 * must be one of its teachers (or the wellbeing lead or admin). Anyone else gets a card worded
 * for them (refusals.ts), never an error.
 */
import type { TurnContext } from 'botbuilder';
import type { Access, AccessResolver } from '../core/access.js';
import { t, type Locale } from '../core/i18n/index.js';
import { maySchedule } from '../core/schedule/schedule-service.js';
import type { ClassTeam } from '../core/school.js';
import type { TeamStore } from '../core/stores/team-store.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import { buildMessageCard } from './cards/message-card.js';
import { refusalFor, type TeacherTask } from './refusals.js';
import { channelData, scopeOf, tenantOf } from './scope.js';

export interface TeacherHereDeps {
  resolveAccess: AccessResolver;
  teams: Pick<TeamStore, 'get'>;
}

/** Where a teacher is acting: who they are, in which class team, in which channel. */
export interface TeacherHere {
  access: Access;
  team: ClassTeam;
  /** The channel the command was typed in (General when Teams doesn't say). */
  channelId: string;
}

/** Where the teacher is acting, or the card that tells this person why they can't `task` here. */
export async function teacherHere(
  deps: TeacherHereDeps,
  context: TurnContext,
  locale: Locale,
  task: TeacherTask,
): Promise<TeacherHere | AdaptiveCard> {
  const activity = context.activity;
  const data = channelData(activity);
  const teamId = data.team?.id;
  const userId = activity.from?.aadObjectId;
  if (scopeOf(activity) !== 'team' || !teamId || !userId) {
    return buildMessageCard({
      locale,
      title: t(locale, 'connect.card.teamOnly.title'),
      lines: [t(locale, 'connect.card.teamOnly.body')],
    });
  }
  const tenantId = tenantOf(activity);
  const [access, team] = await Promise.all([
    deps.resolveAccess(tenantId, userId),
    deps.teams.get(tenantId, teamId),
  ]);
  if (!team || team.removedAt || !maySchedule(access, teamId)) {
    return refusalFor(access, teamId, task, locale);
  }
  return { access, team, channelId: data.channel?.id ?? teamId };
}

/** True for the refusal card, false for a place to act. */
export const isRefusal = <T extends { access: Access }>(
  here: T | AdaptiveCard,
): here is AdaptiveCard => !('access' in here);
