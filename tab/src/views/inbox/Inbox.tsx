import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Field,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { MeResponse } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useInboxStyles } from './Inbox.styles.js';
import { inboxApiOf, type InboxApi } from './inbox-api.js';
import { mayUseInbox } from './inbox-roles.js';
import { countsOf, filtered, filterLabel, statusFilters, type StatusFilter } from './inbox-view.js';
import { RequestDetail } from './RequestDetail.js';
import { RequestList } from './RequestList.js';
import { useInbox } from './useInbox.js';

export interface InboxProps {
  client: ApiClient;
  locale: Locale;
  me: MeResponse;
}

/**
 * The safeguarding team's inbox of talk requests (`#/inbox`): the DSL and deputies only. Anyone
 * else is told whose it is, and nothing is asked of the server (which would refuse them anyway).
 */
export default function Inbox({ client, locale, me }: InboxProps) {
  const api = useMemo(() => inboxApiOf(client), [client]);
  if (!mayUseInbox(me)) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(locale, 'talk.staff.forbidden.title')}</MessageBarTitle>{' '}
          {t(locale, 'talk.staff.forbidden.body')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <InboxView api={api} locale={locale} />;
}

function InboxView({ api, locale }: { api: InboxApi; locale: Locale }) {
  const styles = useInboxStyles();
  const inbox = useInbox(api);
  const { list, detail } = inbox;
  const requests = useMemo(() => (list.kind === 'ready' ? list.requests : []), [list]);
  const counts = useMemo(() => countsOf(requests), [requests]);
  const shown = useMemo(() => filtered(requests, inbox.filter), [requests, inbox.filter]);
  const selectedId =
    detail.kind === 'ready' ? detail.request.id : detail.kind === 'none' ? undefined : detail.id;

  return (
    <div className={styles.page}>
      <Title2 as="h2" className={styles.heading}>
        {t(locale, 'tab.support.inbox.heading')}
      </Title2>
      <Text>
        {t(locale, 'tab.support.inbox.intro')} {t(locale, 'talk.staff.record')}
      </Text>
      {list.kind === 'loading' && <Loading label={t(locale, 'tab.support.inbox.loading')} />}
      {list.kind === 'error' && (
        <ErrorState locale={locale} error={list.error} onRetry={inbox.refresh} />
      )}
      {list.kind === 'ready' && (
        <>
          <div className={styles.toolbar}>
            {requests.length > 0 ? (
              <Field label={t(locale, 'tab.support.inbox.filter')}>
                <RadioGroup
                  layout="horizontal"
                  className={styles.filters}
                  value={inbox.filter}
                  onChange={(_e, data) => inbox.setFilter(data.value as StatusFilter)}
                >
                  {statusFilters.map((f) => (
                    <Radio key={f} value={f} label={filterLabel(locale, f, counts[f])} />
                  ))}
                </RadioGroup>
              </Field>
            ) : (
              <Text>{t(locale, 'tab.support.inbox.empty')}</Text>
            )}
            <Button disabled={inbox.refreshing} onClick={inbox.refresh}>
              {t(locale, 'tab.support.inbox.refresh')}
            </Button>
          </div>
          {requests.length > 0 && (
            <div className={styles.columns}>
              {shown.length === 0 ? (
                <Text>{t(locale, 'tab.support.inbox.emptyFilter')}</Text>
              ) : (
                <RequestList
                  locale={locale}
                  requests={shown}
                  selectedId={selectedId}
                  onOpen={(id) => void inbox.open(id)}
                />
              )}
              {detail.kind === 'none' && (
                <Text className={styles.hint}>{t(locale, 'tab.support.detail.none')}</Text>
              )}
              {detail.kind === 'loading' && (
                <Loading label={t(locale, 'tab.support.detail.loading')} />
              )}
              {detail.kind === 'error' && (
                <ErrorState
                  locale={locale}
                  error={detail.error}
                  onRetry={() => void inbox.open(detail.id)}
                />
              )}
              {detail.kind === 'ready' && (
                <RequestDetail
                  locale={locale}
                  request={detail.request}
                  busy={inbox.busy}
                  actionError={inbox.actionError}
                  act={inbox.act}
                  exportAs={inbox.exportAs}
                />
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
