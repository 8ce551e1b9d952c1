import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import { talkUrgencies, type TalkUrgency } from '../../../../core/api/support.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { showsTalk, whenText } from './talk-panel.js';
import { useTalkPanelStyles } from './TalkPanel.styles.js';
import { talkApiOf, useTalkPanel } from './useTalkPanel.js';

export interface TalkPanelProps {
  client: ApiClient;
  locale: Locale;
}

/**
 * "Talk to a trusted adult" on a pupil's own page: what happens if they ask (an adult sees their
 * name and may need to tell others to keep them safe: never a secret), an optional "how soon",
 * Send, then "sent" and, once an adult acknowledges, "an adult has seen this". It says nothing
 * about asking through Belong when the school cannot take requests. Help now is always there.
 */
export default function TalkPanel({ client, locale }: TalkPanelProps) {
  const styles = useTalkPanelStyles();
  const api = useMemo(() => talkApiOf(client), [client]);
  const panel = useTalkPanel(api, locale);
  const headingId = useId();
  const { state } = panel;

  const helpNow = (
    <div className={styles.help}>
      <Text as="p" className={styles.helpTitle}>
        {t(locale, 'talk.helpNow.title')}
      </Text>
      <Text as="p" className={styles.say}>
        {t(locale, 'talk.helpNow.body')}
      </Text>
    </div>
  );

  if (state.kind !== 'ready' || !showsTalk(state.view)) {
    return (
      <Card className={styles.card}>
        {state.kind === 'loading' && <Loading label={t(locale, 'tab.support.talk.loading')} />}
        {state.kind === 'error' && (
          <ErrorState locale={locale} error={state.error} onRetry={panel.retry} />
        )}
        {helpNow}
      </Card>
    );
  }

  const { view } = state;
  const asking = view.offered && (view.state === 'none' || panel.askingAgain);
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t(locale, 'talk.ask.title')}
      </Subtitle2>

      <div aria-live="polite">
        {view.state === 'sent' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {view.closedUntil
                ? t(locale, 'tab.support.talk.sentClosed', {
                    when: whenText(locale, view.closedUntil),
                  })
                : t(locale, 'tab.support.talk.sent')}
            </MessageBarBody>
          </MessageBar>
        )}
        {view.state === 'seen' && !panel.askingAgain && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t(locale, 'talk.seen.body')}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {view.state === 'seen' && view.offered && !panel.askingAgain && (
        <div className={styles.actions}>
          <Button onClick={panel.askAgain}>{t(locale, 'tab.support.talk.askAgain')}</Button>
        </div>
      )}

      {asking && (
        <>
          <div className={styles.words}>
            <Text as="p" className={styles.say}>
              {t(locale, 'talk.ask.body')}
            </Text>
            <Text as="p" className={styles.say}>
              {t(locale, 'talk.ask.notSecret')}
            </Text>
            {view.closedUntil && (
              <Text as="p" className={styles.say}>
                {t(locale, 'talk.ask.closedNow', { when: whenText(locale, view.closedUntil) })}
              </Text>
            )}
          </div>
          <Field label={t(locale, 'talk.ask.howSoon')}>
            <RadioGroup
              layout="horizontal"
              className={styles.choices}
              value={panel.urgency ?? ''}
              onChange={(_e, data) => panel.setUrgency(data.value as TalkUrgency)}
            >
              {talkUrgencies.map((u) => (
                <Radio key={u} value={u} label={t(locale, `talk.urgency.${u}`)} />
              ))}
            </RadioGroup>
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={panel.sending} onClick={() => void panel.send()}>
              {panel.sending
                ? t(locale, 'tab.support.talk.sending')
                : t(locale, 'tab.support.talk.send')}
            </Button>
          </div>
        </>
      )}
      <div role="alert">
        {panel.sendError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t(locale, panel.sendError)}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {helpNow}
    </Card>
  );
}
