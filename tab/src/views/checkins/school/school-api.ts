/**
 * The school view's calls (trends, their CSV and the check-in settings;
 * server/http/checkin-api.ts), as the view's parts use them: a narrow interface over the shared
 * client, so tests of the panels can hand in a stub.
 */
import type {
  CheckinSettingsBody,
  PeriodKind,
  SchoolTrendsResponse,
} from '../../../../../core/api/checkins.js';
import type { ApiClient } from '../../../api/client.js';

export type { SchoolTrendsResponse, CheckinSettingsBody };

export interface SchoolApi {
  trends(question: string, period: PeriodKind): Promise<SchoolTrendsResponse>;
  /** The server's CSV, as text. */
  trendsCsv(question: string, period: PeriodKind): Promise<string>;
  settings(): Promise<CheckinSettingsBody>;
  saveSettings(body: CheckinSettingsBody): Promise<CheckinSettingsBody>;
}

export const schoolApiOf = (client: ApiClient): SchoolApi => ({
  trends: (question, period) => client.checkins.schoolTrends(question, period),
  trendsCsv: (question, period) => client.checkins.schoolTrendsCsv(question, period),
  settings: () => client.checkins.settings(),
  saveSettings: (body) => client.checkins.saveSettings(body),
});
