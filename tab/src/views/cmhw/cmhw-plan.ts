import type { ClassTeamView } from '../../../../core/api.js';
import type { Locale } from '../../../../core/i18n/index.js';
import type { CmhwPlanRequest, Phase, Schedule } from '../../api/connect-types.js';

export interface PlanRow {
  teamId: string;
  include: boolean;
  channelId: string;
  /** School-local HH:mm. */
  time: string;
  phase: Phase;
}

export const defaultPlanTime = '08:50';

/** One row per class, none ticked: planning a whole school's week is a choice, class by class. */
export function initialRows(teams: readonly ClassTeamView[]): PlanRow[] {
  return teams.map((team) => ({
    teamId: team.teamId,
    include: false,
    channelId: (team.channels.find((c) => c.name === 'General') ?? team.channels[0])?.id ?? '',
    time: defaultPlanTime,
    phase: 'primary',
  }));
}

export function planRequest(
  year: number,
  locale: Locale,
  rows: readonly PlanRow[],
): CmhwPlanRequest {
  return {
    year,
    locale,
    classes: rows
      .filter((row) => row.include)
      .map(({ teamId, channelId, time, phase }) => ({ teamId, channelId, time, phase })),
  };
}

export interface PlannedClass {
  scheduleId: string;
  team: string;
  channel: string;
  time: string;
}

/** What was planned, named the way the school names its classes and channels. */
export function plannedClasses(
  schedules: readonly Schedule[],
  teams: readonly ClassTeamView[],
): PlannedClass[] {
  const byId = new Map(teams.map((team) => [team.teamId, team]));
  return schedules.map((schedule) => {
    const team = byId.get(schedule.teamId);
    return {
      scheduleId: schedule.id,
      team: team?.name ?? schedule.teamId,
      channel: team?.channels.find((c) => c.id === schedule.channelId)?.name ?? '',
      time: schedule.time,
    };
  });
}
