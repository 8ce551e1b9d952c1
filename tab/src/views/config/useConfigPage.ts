import { useEffect, useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { registerTabConfig } from '../../teams/host.js';

/** Inside Teams, tells Teams what to save when the teacher selects Save. */
export function useConfigPage(inTeams: boolean, locale: Locale): { saveFailed: boolean } {
  const [saveFailed, setSaveFailed] = useState(false);
  useEffect(() => {
    if (!inTeams) return;
    registerTabConfig(
      {
        contentUrl: `${location.origin}/tab/#/class`,
        entityId: 'belong-class',
        suggestedDisplayName: t(locale, 'tab.title'),
      },
      () => setSaveFailed(true),
    );
  }, [inTeams, locale]);
  return { saveFailed };
}
