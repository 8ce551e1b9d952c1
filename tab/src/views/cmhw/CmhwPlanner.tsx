import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useId, type FormEvent } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { CmhwWeek } from '../../../../core/api/connect.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ProblemsAlert } from '../../components/ProblemsAlert.js';
import { Loading } from '../../components/Loading.js';
import { describeCmhwWeek } from '../../connect/cmhw.js';
import { problemMessages } from '../../connect/problems.js';
import { plannedClasses, type WeekChoices } from './cmhw-plan.js';
import { useCmhwPlannerStyles } from './CmhwPlanner.styles.js';
import { useCmhwPlanner, type PlanState } from './useCmhwPlanner.js';
import { ChannelSelect } from '../../components/ChannelSelect.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

export interface CmhwPlannerProps {
  client: ApiClient;
  locale: Locale;
  /** Every class team Belong is in (the wellbeing lead sees them all). */
  teams: readonly ClassTeamView[];
}

/** The wellbeing lead plans Children's Mental Health Week for many classes at once. */
export default function CmhwPlanner({ client, locale, teams }: CmhwPlannerProps) {
  const styles = useCmhwPlannerStyles();
  const planner = useCmhwPlanner(client, teams, locale);
  const { state, rows, plan } = planner;
  const classesId = useId();

  const header = (
    <div className={styles.section}>
      <Title2 as="h2" className={styles.heading}>
        {t(locale, 'tab.connect.planner.heading')}
      </Title2>
      <Text>{t(locale, 'tab.connect.planner.intro')}</Text>
    </div>
  );
  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.connect.planner.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={planner.retry} />;
  if (state.openWeeks.length === 0) {
    return (
      <div className={styles.page}>
        {header}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(locale, 'tab.connect.cmhw.none')}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void planner.submit();
  };
  const byId = new Map(teams.map((team) => [team.teamId, team]));

  return (
    <form className={styles.page} onSubmit={onSubmit} noValidate>
      {header}
      <div className={styles.row}>
        <Field label={t(locale, 'tab.connect.form.year')}>
          <Select
            className={styles.select}
            value={String(planner.year)}
            onChange={(_e, data) => planner.setYear(Number(data.value))}
          >
            {state.openWeeks.map((week) => (
              <option key={week.year} value={week.year}>
                {describeCmhwWeek(week, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(locale, 'tab.connect.form.language')}>
          <LanguageSelect locale={locale} value={planner.locale} onChange={planner.setLocale} />
        </Field>
      </div>
      {planner.week?.provisional && (
        <ProvisionalWeek
          locale={locale}
          week={planner.week}
          choices={planner.choices}
          onChange={planner.choose}
        />
      )}

      <section className={styles.section} aria-labelledby={classesId}>
        <Subtitle1 as="h3" id={classesId} className={styles.heading}>
          {t(locale, 'tab.connect.planner.classes')}
        </Subtitle1>
        {rows.length === 0 ? (
          <Text>{t(locale, 'tab.connect.planner.noClasses')}</Text>
        ) : (
          <div className={styles.scroller}>
            <Table aria-labelledby={classesId} className={styles.table} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(locale, 'tab.connect.posts.class')}</TableHeaderCell>
                  <TableHeaderCell>{t(locale, 'tab.connect.form.channel')}</TableHeaderCell>
                  <TableHeaderCell>{t(locale, 'tab.connect.form.time')}</TableHeaderCell>
                  <TableHeaderCell>{t(locale, 'tab.connect.form.phase')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  const team = byId.get(row.teamId);
                  if (!team) return null;
                  const vars = { team: team.name };
                  return (
                    <TableRow key={row.teamId}>
                      <TableCell>
                        <Checkbox
                          label={team.name}
                          checked={row.include}
                          disabled={team.channels.length === 0}
                          onChange={(_e, data) =>
                            planner.changeRow(row.teamId, { include: data.checked === true })
                          }
                        />
                      </TableCell>
                      <TableCell>
                        {team.channels.length === 0 ? (
                          <Text>{t(locale, 'tab.connect.planner.noChannels', vars)}</Text>
                        ) : (
                          <ChannelSelect
                            aria-label={t(locale, 'tab.connect.planner.channel', vars)}
                            channels={team.channels}
                            value={row.channelId}
                            onChange={(channelId) => planner.changeRow(row.teamId, { channelId })}
                          />
                        )}
                      </TableCell>
                      <TableCell>
                        <Input
                          type="time"
                          aria-label={t(locale, 'tab.connect.planner.time', vars)}
                          value={row.time}
                          onChange={(_e, data) =>
                            planner.changeRow(row.teamId, { time: data.value })
                          }
                        />
                      </TableCell>
                      <TableCell>
                        <Select
                          aria-label={t(locale, 'tab.connect.planner.phase', vars)}
                          value={row.phase}
                          onChange={(_e, data) =>
                            planner.changeRow(row.teamId, {
                              phase: data.value === 'secondary' ? 'secondary' : 'primary',
                            })
                          }
                        >
                          <option value="primary">{t(locale, 'connect.phase.primary')}</option>
                          <option value="secondary">{t(locale, 'connect.phase.secondary')}</option>
                        </Select>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <PlanOutcome locale={locale} plan={plan} teams={teams} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={plan.kind === 'planning'}>
          {plan.kind === 'planning'
            ? t(locale, 'tab.connect.planner.planning')
            : t(locale, 'tab.connect.planner.plan')}
        </Button>
      </div>
    </form>
  );
}

function PlanOutcome(props: { locale: Locale; plan: PlanState; teams: readonly ClassTeamView[] }) {
  const { locale, plan, teams } = props;
  const styles = useCmhwPlannerStyles();
  if (plan.kind === 'planned') {
    const planned = plannedClasses(plan.schedules, teams);
    return (
      <div role="status">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t(locale, 'tab.connect.planner.planned', { count: planned.length })}
            </MessageBarTitle>
            <ul className={styles.list}>
              {planned.map((item) => (
                <li key={item.scheduleId}>
                  {t(locale, 'tab.connect.planner.plannedClass', {
                    team: item.team,
                    channel: item.channel,
                    time: item.time,
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const problems =
    plan.kind === 'noClass'
      ? [t(locale, 'tab.connect.planner.pickClass')]
      : plan.kind === 'failed'
        ? problemMessages(plan.error, locale)
        : undefined;
  if (plan.kind === 'failed' && !problems) return <ErrorState locale={locale} error={plan.error} />;
  return <ProblemsAlert locale={locale} problems={problems} />;
}

/**
 * A year Place2Be has not published: says so, and lets the school move the week (any Monday the
 * server accepts) and name its own theme. The server checks both (cmhwStart, cmhwTheme).
 */
function ProvisionalWeek(props: {
  locale: Locale;
  week: CmhwWeek;
  choices: WeekChoices;
  onChange(patch: Partial<WeekChoices>): void;
}) {
  const { locale, week, choices, onChange } = props;
  const styles = useCmhwPlannerStyles();
  return (
    <div className={styles.section}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {t(locale, 'tab.connect.cmhw.provisionalTitle', { year: week.year })}
          </MessageBarTitle>
          {t(locale, 'tab.connect.cmhw.provisional', { year: week.year })}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Field
          label={t(locale, 'tab.connect.cmhw.start')}
          hint={t(locale, 'tab.connect.cmhw.startHint')}
        >
          <Input
            type="date"
            value={choices.startDate || week.startDate}
            min={`${week.year}-01-01`}
            max={`${week.year}-03-31`}
            onChange={(_e, data) => onChange({ startDate: data.value })}
          />
        </Field>
        <Field
          label={t(locale, 'connect.card.cmhw.theme')}
          hint={t(locale, 'connect.card.cmhw.themeHint')}
        >
          <Input
            value={choices.theme}
            maxLength={80}
            onChange={(_e, data) => onChange({ theme: data.value })}
          />
        </Field>
      </div>
    </div>
  );
}
