import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId, type FormEvent } from 'react';
import { t, type Locale } from '../../../../../core/i18n/index.js';
import type { ApiClient } from '../../../api/client.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { ProblemsAlert } from '../../../components/ProblemsAlert.js';
import { yearGroupLabel } from './heat-map.js';
import type { SchoolApi } from './school-api.js';
import { problemText, settingsProblems, yearGroupChoices } from './settings-draft.js';
import { useSchoolTrendsStyles } from './SchoolTrends.styles.js';
import { useCheckinSettings, type SaveState } from './useCheckinSettings.js';
import { maximumK, minimumK } from '../../../../../core/checkin/suppression.js';

/** k and a year group per class: the wellbeing lead and the admin. */
export function SettingsPanel(props: {
  api: SchoolApi;
  client: ApiClient;
  locale: Locale;
  onSaved: () => void;
}) {
  const { api, client, locale, onSaved } = props;
  const styles = useSchoolTrendsStyles();
  const settings = useCheckinSettings(api, client.teams, onSaved);
  const { state, save } = settings;
  const headingId = useId();
  const yearsId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void settings.submit();
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {t(locale, 'tab.trends.settings.heading')}
      </Subtitle1>
      {state.kind === 'loading' ? (
        <Loading label={t(locale, 'tab.trends.settings.loading')} />
      ) : state.kind === 'error' ? (
        <ErrorState locale={locale} error={state.error} onRetry={settings.retry} />
      ) : (
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          <Text className={styles.hint}>{t(locale, 'tab.trends.settings.intro')}</Text>
          <Field
            label={t(locale, 'tab.trends.settings.k')}
            hint={t(locale, 'tab.trends.settings.kHint')}
          >
            <Input
              className={styles.kInput}
              type="number"
              inputMode="numeric"
              min={minimumK}
              max={maximumK}
              step={1}
              value={state.draft.k}
              onChange={(_, data) => settings.setK(data.value)}
            />
          </Field>

          <Text weight="semibold" id={yearsId}>
            {t(locale, 'tab.trends.settings.yearGroups')}
          </Text>
          <Text className={styles.hint}>{t(locale, 'tab.trends.settings.yearGroupsHint')}</Text>
          {state.teams.length === 0 ? (
            <Text>{t(locale, 'tab.trends.settings.noClasses')}</Text>
          ) : (
            <Table aria-labelledby={yearsId} className={styles.settingsTable} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(locale, 'tab.trends.settings.class')}</TableHeaderCell>
                  <TableHeaderCell>{t(locale, 'tab.trends.settings.yearGroup')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.teams.map((team) => (
                  <TableRow key={team.teamId}>
                    <TableCell>{team.name}</TableCell>
                    <TableCell>
                      <Select
                        aria-label={t(locale, 'tab.trends.settings.yearGroupFor', {
                          name: team.name,
                        })}
                        value={state.draft.yearGroups[team.teamId] ?? ''}
                        onChange={(_, data) => settings.setYearGroup(team.teamId, data.value)}
                      >
                        <option value="">{t(locale, 'tab.trends.settings.notSet')}</option>
                        {yearGroupChoices.map((year) => (
                          <option key={year} value={year}>
                            {yearGroupLabel(locale, year)}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          <ProblemsAlert locale={locale} problems={problemsOf(save, locale)} />
          {save.kind === 'failed' && !settingsProblems(save.error, locale) && (
            <ErrorState locale={locale} error={save.error} />
          )}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={save.kind === 'saving'}>
              {t(
                locale,
                save.kind === 'saving' ? 'tab.trends.settings.saving' : 'tab.trends.settings.save',
              )}
            </Button>
          </div>
          <div role="status">
            {save.kind === 'saved' && (
              <MessageBar intent="success">
                <MessageBarBody>{t(locale, 'tab.trends.settings.saved')}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function problemsOf(save: SaveState, locale: Locale): string[] | undefined {
  if (save.kind === 'refused') return save.problems.map((code) => problemText(locale, code));
  if (save.kind === 'failed') return settingsProblems(save.error, locale);
  return undefined;
}
