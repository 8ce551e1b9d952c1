import type { MeResponse } from '../../../../../core/api.js';
import type { Locale } from '../../../../../core/i18n/index.js';
import type { ApiClient } from '../../../api/client.js';

export interface SchoolTrendsProps {
  client: ApiClient;
  locale: Locale;
  me: MeResponse;
}

/** The wellbeing lead's school view of check-in trends, and the check-in settings. (Being built.) */
export default function SchoolTrends(_props: SchoolTrendsProps) {
  return null;
}
