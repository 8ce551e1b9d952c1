import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { MeResponse } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { CoordinatorRota } from './CoordinatorRota.js';
import { MyRotaView } from './MyRotaView.js';
import { rotaRoles } from './rota-roles.js';
import { useRotaStyles } from './Rota.styles.js';
import { useNames } from './useNames.js';

export interface RotaSectionProps {
  client: ApiClient;
  locale: Locale;
  me: MeResponse;
}

/** Peer support: the coordinator's rota, an ambassador's own, or both for someone who is both. */
export default function RotaSection({ client, locale, me }: RotaSectionProps) {
  const styles = useRotaStyles();
  const names = useNames(client, me.user);
  const roles = rotaRoles(me);
  if (!roles.coordinator && !roles.ambassador) {
    // The server refuses everyone else too; this just says so before asking.
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t(locale, 'tab.rota.forOthers')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.page}>
      {roles.coordinator && <CoordinatorRota client={client} locale={locale} names={names} />}
      {roles.ambassador && <MyRotaView client={client} locale={locale} names={names} />}
    </div>
  );
}
