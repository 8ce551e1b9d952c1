/**
 * Shapes of the Connect API (server/http/connect-api.ts) as the tab reads them. The domain types
 * come from core as type-only imports, so none of core's code (or luxon) reaches the bundle.
 */
import type { CmhwWeek, Phase, Prompt } from '../../../core/content/content.js';
import type { OccurrenceProgress } from '../../../core/delivery/delivery.js';
import type { Locale } from '../../../core/i18n/index.js';
import type { Closure, Term } from '../../../core/schedule/calendar.js';
import type {
  PlannedPost,
  Repeat,
  Schedule,
  ScheduleContent,
} from '../../../core/schedule/schedule.js';
import type { ScheduleView } from '../../../core/schedule/schedule-service.js';

export type {
  CmhwWeek,
  Closure,
  OccurrenceProgress,
  Phase,
  Prompt,
  Repeat,
  Schedule,
  ScheduleView,
  Term,
};

export interface PromptsResponse {
  prompts: Prompt[];
}

export interface CmhwResponse {
  weeks: CmhwWeek[];
  next: CmhwWeek | null;
  /** The school-local date today. */
  today: string;
}

export interface SchedulesResponse {
  schedules: ScheduleView[];
}

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

export interface CancelScheduleResponse {
  schedule: Schedule;
}

export interface SchoolCalendarBody {
  terms: Term[];
  closures: Closure[];
}

export interface CalendarResponse {
  calendar: SchoolCalendarBody & { updatedAt?: string; updatedBy?: string };
  timeZone: string;
}

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
