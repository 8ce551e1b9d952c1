import { MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { MeResponse } from '../../../../../core/api.js';
import { t, type Locale } from '../../../../../core/i18n/index.js';
import type { ApiClient } from '../../../api/client.js';
import { schoolApiOf } from './school-api.js';
import { SettingsPanel } from './SettingsPanel.js';
import { useSchoolTrendsStyles } from './SchoolTrends.styles.js';
import { TrendsPanel } from './TrendsPanel.js';

export interface SchoolTrendsProps {
  client: ApiClient;
  locale: Locale;
  me: MeResponse;
}

/**
 * The wellbeing lead's school view of check-in trends, and the check-in settings (which the
 * admin may change too, without seeing trends). The server decides who reads what; the roles
 * here only choose what to ask for.
 */
export default function SchoolTrends({ client, locale, me }: SchoolTrendsProps) {
  const styles = useSchoolTrendsStyles();
  const api = useMemo(() => schoolApiOf(client), [client]);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = useCallback(() => setReloadKey((n) => n + 1), []);
  const lead = me.roles.includes('wellbeing_lead');
  const admin = me.roles.includes('admin');

  if (!lead && !admin) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t(locale, 'tab.trends.forOthers')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.page}>
      <Title2 as="h2" className={styles.heading}>
        {t(locale, 'tab.trends.heading')}
      </Title2>
      {lead ? (
        <TrendsPanel api={api} locale={locale} reloadKey={reloadKey} />
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t(locale, 'tab.trends.adminNote')}</MessageBarBody>
        </MessageBar>
      )}
      <SettingsPanel api={api} client={client} locale={locale} onSaved={reload} />
    </div>
  );
}
