import type { ClassTeamView } from '../../../../core/api.js';
import type { Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';

export interface ClassCheckinsProps {
  client: ApiClient;
  locale: Locale;
  /** The class from the route, if one. */
  teamId?: string | undefined;
  /** Classes whose trends this person reads. */
  teams: readonly ClassTeamView[];
  /** Classes this person may post a check-in into. */
  postTeams: readonly ClassTeamView[];
}

/** A class's check-ins: post one, what was posted, and the class's trends. (Being built.) */
export default function ClassCheckins(_props: ClassCheckinsProps) {
  return null;
}
