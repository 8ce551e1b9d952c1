/**
 * Shapes of the check-in API (server/http/checkin-api.ts) as the tab reads them. The domain types
 * come from core as type-only imports, so none of core's code reaches the bundle.
 */
import type { MyCheckin } from '../../../../core/checkin/checkin-service.js';
import type { CheckinTemplateId } from '../../../../core/checkin/templates.js';
import type { ClassTrendsResponse, TrendRow } from '../../../../core/checkin/trends-service.js';
import type { Distribution, PeriodKind, TrendPeriod } from '../../../../core/checkin/trends.js';
import type { Phase } from '../../../../core/content/content.js';
import type { Locale } from '../../../../core/i18n/index.js';

export type {
  CheckinTemplateId,
  ClassTrendsResponse,
  Distribution,
  MyCheckin,
  PeriodKind,
  Phase,
  TrendPeriod,
  TrendRow,
};

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

export interface ClassCheckinsResponse {
  /**
   * Whether a check-in can go out: not until the school can take talk requests (two safeguarding
   * adults Belong can message). Posting is refused until then.
   */
  ready: boolean;
  checkins: ClassCheckinSummary[];
}

export interface MyCheckinsResponse {
  checkins: MyCheckin[];
}
