import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title2,
} from '@fluentui/react-components';
import type { MeResponse } from '../../../../core/api.js';
import type { AuditResponse } from '../../../../core/api/roles.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { formatInstant } from '../../i18n/dates.js';
import { auditSentence } from './audit-sentences.js';
import { useAuditLogStyles } from './AuditLog.styles.js';
import { useAuditLog } from './useAuditLog.js';

export interface AuditLogProps {
  client: ApiClient;
  locale: Locale;
  me: Pick<MeResponse, 'roles'>;
}

/** The audit log for the admin, the DSL and deputies: sentences, newest first, and the check. */
export default function AuditLog({ client, locale, me }: AuditLogProps) {
  const mayRead = me.roles.some((r) => r === 'admin' || r === 'dsl' || r === 'deputy_dsl');
  if (!mayRead) {
    // The server refuses everyone else too; this just says so before asking.
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t(locale, 'tab.audit.forbidden')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <AuditPage client={client} locale={locale} />;
}

function AuditPage({ client, locale }: { client: ApiClient; locale: Locale }) {
  const styles = useAuditLogStyles();
  const audit = useAuditLog(client.roles);
  const { state } = audit;

  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.audit.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={audit.retry} />;

  const { log, more } = state;
  const when = (at: string) =>
    formatInstant(locale, new Date(at), log.timeZone, { month: 'short', year: true, time: true });
  return (
    <div className={styles.page}>
      <div className={styles.section}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.audit.heading')}
        </Title2>
        <Text>{t(locale, 'tab.audit.intro')}</Text>
      </div>
      <ChainCheck locale={locale} check={log.check} />
      {log.entries.length === 0 ? (
        <Text>{t(locale, 'tab.audit.empty')}</Text>
      ) : (
        <div className={styles.section}>
          {more && <Text>{t(locale, 'tab.audit.shown', { count: log.entries.length })}</Text>}
          <ol className={styles.entries} aria-label={t(locale, 'tab.audit.entries')}>
            {log.entries.map((entry) => (
              <li key={entry.seq} className={styles.entry}>
                <div className={styles.when}>
                  <Text weight="semibold">
                    <time dateTime={entry.at}>{when(entry.at)}</time>
                  </Text>
                  <span className={styles.number}>
                    {t(locale, 'tab.audit.entryNumber', { n: entry.seq })}
                  </span>
                  {!log.check.ok && log.check.brokenAt === entry.seq && (
                    <span className={styles.broken}>{t(locale, 'tab.audit.brokenHere')}</span>
                  )}
                </div>
                <Text className={styles.sentence}>{auditSentence(locale, entry)}</Text>
              </li>
            ))}
          </ol>
          {more && (
            <div className={styles.actions}>
              <Button onClick={audit.showMore}>{t(locale, 'tab.audit.showMore')}</Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** Whether the whole record is as it was written, said plainly. */
function ChainCheck({ locale, check }: { locale: Locale; check: AuditResponse['check'] }) {
  return check.ok ? (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(locale, 'tab.audit.checkOkTitle')}</MessageBarTitle>
        <div>{t(locale, 'tab.audit.checkOk', { count: check.entries })}</div>
      </MessageBarBody>
    </MessageBar>
  ) : (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(locale, 'tab.audit.checkBrokenTitle')}</MessageBarTitle>
        <div>{t(locale, 'tab.audit.checkBroken', { n: check.brokenAt })}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
