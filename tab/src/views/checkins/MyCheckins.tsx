import type { Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';

export interface MyCheckinsProps {
  client: ApiClient;
  locale: Locale;
}

/** A pupil's own check-in answers. (Being built.) */
export default function MyCheckins(_props: MyCheckinsProps) {
  return null;
}
