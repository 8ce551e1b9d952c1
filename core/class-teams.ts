/**
 * The class teams Belong is installed in, as the tab API reads them: which a person may see, one
 * of them (404 for an unknown class, 403 for someone else's), the delivery status of a post into
 * one, and a pupil's Teams id (to message them back). The routers used to read the team and
 * delivery stores themselves; the rules now live here, beside the stores they read.
 */
import { hasRole, visibleTeams, type Access } from './access.js';
import type { OccurrenceProgress } from './delivery/index.js';
import { BelongError } from './errors.js';
import type { ClassTeam } from './school.js';
import type { DeliveryStore } from './stores/delivery-store.js';
import type { TeamStore } from './stores/team-store.js';

export class ClassTeams {
  constructor(private readonly deps: { teams: TeamStore; deliveries: DeliveryStore }) {}

  /** The class teams this person may see listed. */
  visible(access: Access): Promise<ClassTeam[]> {
    return visibleTeams(access, this.deps.teams);
  }

  /** One class team the person may see: 404 when there is none, 403 when it is not theirs. */
  async one(access: Access, teamId: string): Promise<ClassTeam> {
    const team = (await this.visible(access)).find((t) => t.teamId === teamId);
    if (team) return team;
    const exists = await this.deps.teams.get(access.tenantId, teamId);
    throw exists && !exists.removedAt
      ? new BelongError('forbidden', 'You are not in this class team')
      : new BelongError('notFound', 'There is no class team with that id');
  }

  /** Who a post reached: for the class's teachers, the wellbeing lead and the admin. */
  async postProgress(access: Access, occurrenceId: string): Promise<OccurrenceProgress> {
    const progress = await this.deps.deliveries.progress(access.tenantId, occurrenceId);
    if (!progress) throw new BelongError('notFound', 'There is no post with that id');
    const wholeSchool = hasRole(access, 'wellbeing_lead', 'admin');
    const teachesIt =
      progress.teamId !== undefined &&
      access.teams.some((t) => t.role === 'teacher' && t.team.teamId === progress.teamId);
    if (!wholeSchool && !teachesIt) {
      throw new BelongError(
        'forbidden',
        'Only the class’s teachers, the wellbeing lead and the admin see delivery status',
      );
    }
    return progress;
  }

  /**
   * The person's Teams id, to message them back: from their chat with Belong, else from a class
   * roster Belong has seen where they are a pupil. The tab's token carries only the Entra id.
   */
  async pupilTeamsId(access: Access): Promise<string | undefined> {
    const chat = await this.deps.teams.personalConversation(access.tenantId, access.userId);
    if (chat) return chat.teamsId;
    for (const { team } of access.teams.filter((t) => t.role === 'pupil')) {
      const members = await this.deps.teams.listMembers(access.tenantId, team.teamId);
      const me = members.find((m) => m.userId === access.userId);
      if (me) return me.teamsId;
    }
    return undefined;
  }
}
