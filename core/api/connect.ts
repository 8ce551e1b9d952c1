/**
 * Shapes of the Connect API (server/http/connect-api.ts, and the delivery progress in
 * server/http/api.ts): the prompt library, CMHW weeks, class schedules, the school calendar and
 * the wellbeing lead's CMHW plan. Shared by the server (each answer `satisfies` one of these) and
 * the tab (type-only imports, so none of core's code or luxon reaches the bundle).
 */
import type { CmhwWeek, Phase, Prompt } from '../content/content.js';
import type { OccurrenceProgress } from '../delivery/delivery.js';
import type { Locale } from '../i18n/index.js';
import type { Closure, Term } from '../schedule/calendar.js';
import type { PlannedPost, Repeat, Schedule, ScheduleContent } from '../schedule/schedule.js';
import type { ScheduleView } from '../schedule/schedule-service.js';

export type {
  CmhwWeek,
  Closure,
  OccurrenceProgress,
  Phase,
  Prompt,
  Repeat,
  Schedule,
  ScheduleContent,
  ScheduleView,
  Term,
};

/** `GET /api/prompts?theme=&keyStage=`. */
export interface PromptsResponse {
  prompts: Prompt[];
}

/** `GET /api/cmhw`. */
export interface CmhwResponse {
  weeks: CmhwWeek[];
  next: CmhwWeek | null;
  /** The school-local date today. */
  today: string;
}

/** `GET /api/teams/:teamId/schedules`. */
export interface SchedulesResponse {
  schedules: ScheduleView[];
}

/** `POST /api/teams/:teamId/schedules` and `PUT …/:scheduleId`. */
export interface CreateScheduleRequest {
  channelId: string;
  time: string;
  content: ScheduleContent;
  repeat: Repeat;
  locale?: Locale;
}

export interface CreateScheduleResponse {
  schedule: Schedule;
  next: (Omit<PlannedPost, 'at'> & { at: string }) | null;
}

/** `DELETE /api/teams/:teamId/schedules/:scheduleId`. */
export interface CancelScheduleResponse {
  schedule: Schedule;
}

/** `PUT /api/school/calendar`. */
export interface SchoolCalendarBody {
  terms: Term[];
  closures: Closure[];
}

export type StoredCalendar = SchoolCalendarBody & { updatedAt?: string; updatedBy?: string };

/** `GET /api/school/calendar`. */
export interface CalendarResponse {
  calendar: StoredCalendar;
  timeZone: string;
}

/** The answer to `PUT /api/school/calendar`. */
export type SaveCalendarResponse = Pick<CalendarResponse, 'calendar'>;

/** `POST /api/school/cmhw-plan`. */
export interface CmhwPlanRequest {
  year: number;
  /** The school's own Monday for the week; absent: the week's own (Place2Be's, or likely). */
  startDate?: string;
  /** The school's own theme; absent: Place2Be's, or "to be announced". */
  theme?: string;
  locale?: Locale;
  classes: { teamId: string; channelId: string; time: string; phase: Phase }[];
}

export interface CmhwPlanResponse {
  schedules: Schedule[];
}

/** `GET /api/occurrences/:occurrenceId`: who a post reached, never what anyone said. */
export type OccurrenceResponse = OccurrenceProgress;

/** `GET` and `POST /api/dev/clock` (local mode only). */
export interface DevClockResponse {
  now: string;
}
