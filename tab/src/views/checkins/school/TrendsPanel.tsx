import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import { useRef } from 'react';
import type { PeriodKind } from '../../../../../core/checkin/trends.js';
import { t, type Locale } from '../../../../../core/i18n/index.js';
import { ApiRequestError } from '../../../api/client.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { HeatMapLegend, HeatMapTable } from './HeatMapTable.js';
import { pendingText } from '../trends-view.js';
import { questionChoices, questionLabel } from './heat-map.js';
import type { SchoolApi } from './school-api.js';
import { useSchoolTrendsStyles } from './SchoolTrends.styles.js';
import { useSchoolTrends } from './useSchoolTrends.js';

const isForbidden = (error: unknown) => error instanceof ApiRequestError && error.status === 403;

/** The wellbeing lead's trends: question and period, the heat map, its key and the CSV. */
export function TrendsPanel(props: { api: SchoolApi; locale: Locale; reloadKey: number }) {
  const { api, locale, reloadKey } = props;
  const styles = useSchoolTrendsStyles();
  const trends = useSchoolTrends(api, reloadKey);
  const { state, question, period } = trends;
  // The questions with data, remembered while the next view loads so the picker stays put.
  const withData = useRef<{ period: PeriodKind; ids: string[] }>({ period, ids: [] });
  if (state.kind === 'ready') withData.current = { period, ids: state.view.questions };
  const choices = questionChoices(
    question,
    withData.current.period === period ? withData.current.ids : [],
  );

  if (state.kind === 'error' && isForbidden(state.error)) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t(locale, 'tab.trends.forOthers')}</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.section}>
      {state.kind === 'ready' && (
        <Text className={styles.hint}>{t(locale, 'tab.trends.intro', { k: state.view.k })}</Text>
      )}
      <div className={styles.controls}>
        <Field label={t(locale, 'tab.trends.question')} className={styles.question}>
          <Select value={question} onChange={(_, data) => trends.setQuestion(data.value)}>
            {choices.map((id) => (
              <option key={id} value={id}>
                {questionLabel(locale, id)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(locale, 'tab.trends.period')}>
          <RadioGroup
            layout="horizontal"
            value={period}
            onChange={(_, data) => trends.setPeriod(data.value === 'term' ? 'term' : 'week')}
          >
            <Radio value="week" label={t(locale, 'tab.trends.period.week')} />
            <Radio value="term" label={t(locale, 'tab.trends.period.term')} />
          </RadioGroup>
        </Field>
        <div className={styles.download}>
          <Button
            disabled={trends.download.kind === 'busy'}
            onClick={() => void trends.downloadCsv()}
          >
            {t(locale, 'tab.trends.download')}
          </Button>
        </div>
      </div>
      <Text className={styles.hint}>{t(locale, 'tab.trends.period.hint')}</Text>
      <Text className={styles.hint}>{t(locale, 'tab.trends.downloadHint')}</Text>
      {trends.download.kind === 'failed' && (
        <ErrorState locale={locale} error={trends.download.error} />
      )}

      {state.kind === 'loading' ? (
        <Loading label={t(locale, 'tab.trends.loading')} />
      ) : state.kind === 'error' ? (
        <ErrorState locale={locale} error={state.error} onRetry={trends.retry} />
      ) : (
        <>
          {state.view.pending.length > 0 && (
            <Text className={styles.hint}>{pendingText(locale, state.view.pending)}</Text>
          )}
          {state.view.periods.length === 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {t(locale, period === 'term' ? 'tab.trends.empty.term' : 'tab.trends.empty.week')}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <HeatMapTable view={state.view} locale={locale} />
              <HeatMapLegend
                locale={locale}
                k={state.view.k}
                mood={state.view.questionId === 'mood'}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
