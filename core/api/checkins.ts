/**
 * Shapes of the check-in API (server/http/checkin-api.ts): posting a check-in into a class
 * channel, the class's recent check-ins and trends, the wellbeing lead's school view, the
 * school's check-in settings and a pupil's own answers. Shared by the server (each answer
 * `satisfies` one of these) and the tab (type-only imports, so none of core's code reaches the
 * bundle).
 */
import type { MyCheckin } from '../checkin/checkin-service.js';
import type { CheckinTemplateId } from '../checkin/templates.js';
import type {
  ClassTrendsResponse,
  SchoolTrendsResponse,
  TrendRow,
} from '../checkin/trends-service.js';
import type { Distribution, PeriodKind, TrendPeriod } from '../checkin/trends.js';
import type { Phase } from '../content/content.js';
import type { Locale } from '../i18n/index.js';

export type {
  CheckinTemplateId,
  ClassTrendsResponse,
  Distribution,
  MyCheckin,
  PeriodKind,
  Phase,
  SchoolTrendsResponse,
  TrendPeriod,
  TrendRow,
};

/** `POST /api/teams/:teamId/checkins`. */
export interface PostCheckinRequest {
  templateId: CheckinTemplateId;
  phase: Phase;
  channelId: string;
  locale?: Locale;
}

export interface PostCheckinResponse {
  checkinId: string;
  templateId: CheckinTemplateId;
  date: string;
  closesAt: string;
  /** The school's time zone: closing times are shown in it. */
  timeZone: string;
  channelId: string;
}

/** What was posted and when it closes: never answers, counts or who answered. */
export interface ClassCheckinSummary {
  checkinId: string;
  templateId: CheckinTemplateId;
  date: string;
  closesAt: string;
  /** The school's time zone: closing times are shown in it. */
  timeZone: string;
  open: boolean;
}

/** `GET /api/teams/:teamId/checkins`. */
export interface ClassCheckinsResponse {
  /**
   * Whether a check-in can go out: not until the school can take talk requests (two safeguarding
   * adults Belong can message). Posting is refused until then.
   */
  ready: boolean;
  checkins: ClassCheckinSummary[];
}

/** `GET /api/me/checkins`: the caller's own answers (staff have none). */
export interface MyCheckinsResponse {
  checkins: MyCheckin[];
}

/** `GET` and `PUT /api/school/checkin-settings`: the school's check-in settings. */
export interface CheckinSettingsBody {
  /** The suppression threshold (`minimumK`–`maximumK` in core/checkin/suppression.ts). */
  k: number;
  /** Class team id → "R" or "1" … "13", or "none" (not in year-group and school totals). */
  yearGroups: Record<string, string>;
}
