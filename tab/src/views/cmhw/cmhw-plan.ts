import type { ClassTeamView } from '../../../../core/api.js';
import type { Locale } from '../../../../core/i18n/index.js';
import type { CmhwPlanRequest, CmhwWeek, Phase, Schedule } from '../../../../core/api/connect.js';

export interface PlanRow {
  teamId: string;
  include: boolean;
  channelId: string;
  /** School-local HH:mm. */
  time: string;
  phase: Phase;
}

export const defaultPlanTime = '08:50';

/** The age group of a year group as the school set it: Reception to Year 6 primary, then secondary. */
export function phaseOfYearGroup(yearGroup: string | undefined): Phase | undefined {
  if (yearGroup === 'R') return 'primary';
  const year = Number(yearGroup);
  if (!yearGroup || !Number.isInteger(year) || year < 1) return undefined;
  return year <= 6 ? 'primary' : 'secondary';
}

/**
 * One row per class, none ticked: planning a whole school's week is a choice, class by class.
 * Each class's age group follows its year group where the school set one (check-in settings).
 */
export function initialRows(
  teams: readonly ClassTeamView[],
  yearGroups: Readonly<Record<string, string>> = {},
): PlanRow[] {
  return teams.map((team) => ({
    teamId: team.teamId,
    include: false,
    channelId: (team.channels.find((c) => c.name === 'General') ?? team.channels[0])?.id ?? '',
    time: defaultPlanTime,
    phase: phaseOfYearGroup(yearGroups[team.teamId]) ?? 'primary',
  }));
}

/** What the school chose for a week Place2Be has not published: its Monday and its theme. */
export interface WeekChoices {
  /** The Monday chosen ('' or the week's own: keep the week's dates, and follow Place2Be's). */
  startDate: string;
  theme: string;
}

export const noChoices: WeekChoices = { startDate: '', theme: '' };

export function planRequest(
  year: number,
  locale: Locale,
  rows: readonly PlanRow[],
  choices: WeekChoices = noChoices,
  week?: CmhwWeek,
): CmhwPlanRequest {
  // Only what differs from the week is sent: a plan on the likely dates then moves to
  // Place2Be's dates, and shows Place2Be's theme, once the year is added to Belong.
  const startDate =
    choices.startDate && choices.startDate !== week?.startDate ? choices.startDate : undefined;
  const theme = choices.theme.trim() || undefined;
  return {
    year,
    ...(startDate ? { startDate } : {}),
    ...(theme ? { theme } : {}),
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
