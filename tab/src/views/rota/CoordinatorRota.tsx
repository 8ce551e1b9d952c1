import { Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { RotaOverview } from '../../../../core/api/rota.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { addDays, formatDate } from '../../connect/dates.js';
import { AmbassadorsPanel } from './AmbassadorsPanel.js';
import { AssignDialog } from './AssignDialog.js';
import { dayLabel, dutyLabel } from './format.js';
import { nameOf, shortId, type NameBook } from './names.js';
import { NoticesPanel } from './NoticesPanel.js';
import { RequestsPanel } from './RequestsPanel.js';
import { buildWeekGrid, type GridCell } from './rota-grid.js';
import { useRotaStyles } from './Rota.styles.js';
import { SettingsForm } from './SettingsForm.js';
import { RotaToolbar } from './RotaToolbar.js';
import { SlotsEditor } from './SlotsEditor.js';
import { useCoordinatorRota } from './useCoordinatorRota.js';
import { WeekGrid } from './WeekGrid.js';

export interface CoordinatorRotaProps {
  client: ApiClient;
  locale: Locale;
  names: NameBook;
}

/**
 * The ambassador coordinator's rota: a week at a time as a grid, with fill, clear, locks and hand
 * assignment; what still needs someone and why; requests to decide; the ambassadors; the rota's
 * settings; and a printable page and a CSV of the whole rota.
 */
export function CoordinatorRota({ client, locale, names }: CoordinatorRotaProps) {
  const styles = useRotaStyles();
  const rota = useCoordinatorRota(client.rota);
  const { state } = rota;
  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.rota.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={rota.reload} />;
  return (
    <div className={styles.page}>
      <Ready client={client} locale={locale} names={names} rota={rota} overview={state.overview} />
    </div>
  );
}

function Ready(props: {
  client: ApiClient;
  locale: Locale;
  names: NameBook;
  rota: ReturnType<typeof useCoordinatorRota>;
  overview: RotaOverview;
}) {
  const { client, locale, names, rota, overview } = props;
  const styles = useRotaStyles();
  const [adding, setAdding] = useState<GridCell | undefined>();
  const gridId = useId();
  const coverageId = useId();
  const requestsId = useId();
  const ambassadorsId = useId();
  const settingsId = useId();
  const noticesId = useId();
  const slotsId = useId();
  const grid = useMemo(() => buildWeekGrid(overview), [overview]);
  const { settings, ambassadors } = overview;
  const monday = overview.from;

  const nameFor = (id: string) => {
    const known = nameOf(names, id);
    if (known) return known;
    const year = ambassadors.find((a) => a.id === id)?.yearGroup;
    return year === undefined
      ? t(locale, 'tab.rota.unnamed', { id: shortId(id) })
      : t(locale, 'tab.rota.unnamedYear', { year, id: shortId(id) });
  };
  const slotOf = (id: string) => overview.slots.find((s) => s.id === id);
  const periods = [...new Set(overview.slots.map((s) => s.periodId))].sort();

  return (
    <>
      {/* On paper: the week and its names, without the app's header, links and buttons. */}
      <style media="print">{'header, nav { display: none !important; }'}</style>
      <div className={styles.section}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.rota.coordinator.heading')}
        </Title2>
        <Text>
          {settings
            ? t(
                locale,
                settings.approvalRequired
                  ? 'tab.rota.coordinator.summary'
                  : 'tab.rota.coordinator.summaryNoApproval',
                {
                  start: formatDate(locale, settings.startDate, false),
                  end: formatDate(locale, settings.endDate, false),
                  max: settings.maxPerWeek,
                },
              )
            : t(locale, 'tab.rota.coordinator.notSet')}
        </Text>
      </div>

      <RotaToolbar client={client} locale={locale} rota={rota} overview={overview} />

      <section className={styles.section} aria-labelledby={gridId}>
        <Subtitle1 as="h3" id={gridId} className={styles.heading}>
          {t(locale, 'tab.rota.week.heading', {
            from: dayLabel(locale, monday),
            to: dayLabel(locale, addDays(monday, 4)),
          })}
        </Subtitle1>
        <WeekGrid
          locale={locale}
          grid={grid}
          today={overview.today}
          label={t(locale, 'tab.rota.grid.label', { from: dayLabel(locale, monday) })}
          nameFor={nameFor}
          busy={rota.busy}
          onLock={(a, locked) =>
            void rota.act(() =>
              client.rota.changeAssignment({
                action: locked ? 'lock' : 'unlock',
                date: a.date,
                slotId: a.slotId,
                ambassadorId: a.ambassadorId,
              }),
            )
          }
          onRemove={(a) =>
            void rota.act(() =>
              client.rota.changeAssignment({
                action: 'clear',
                date: a.date,
                slotId: a.slotId,
                ambassadorId: a.ambassadorId,
              }),
            )
          }
          onAdd={setAdding}
        />
      </section>

      <section className={styles.section} aria-labelledby={coverageId}>
        <Subtitle1 as="h3" id={coverageId} className={styles.heading}>
          {t(locale, 'tab.rota.coverage.heading')}
        </Subtitle1>
        {overview.unfilled.length === 0 && overview.warnings.length === 0 ? (
          <Text>{t(locale, 'tab.rota.coverage.none')}</Text>
        ) : (
          <ul className={styles.bullets}>
            {overview.unfilled.map((u) => (
              <li key={`${u.date}/${u.slotId}`}>
                {t(locale, 'tab.rota.coverage.unfilled', {
                  duty: dutyLabel(locale, u.date, slotOf(u.slotId)),
                  count: u.missing,
                  reason: t(locale, `rota.unfilled.${u.reason}`),
                })}
              </li>
            ))}
            {overview.warnings.map((w) => (
              <li key={`${w.date}/${w.slotId}/${w.ambassadorId}/${w.kind}`}>
                {t(locale, 'tab.rota.coverage.warning', {
                  duty: dutyLabel(locale, w.date, slotOf(w.slotId)),
                  name: nameFor(w.ambassadorId),
                  warning: t(locale, `rota.warning.${w.kind}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={`${styles.section} ${styles.noPrint}`} aria-labelledby={requestsId}>
        <Subtitle1 as="h3" id={requestsId} className={styles.heading}>
          {t(locale, 'tab.rota.requests.heading')}
        </Subtitle1>
        <RequestsPanel
          locale={locale}
          requests={overview.requests}
          slots={overview.slots}
          coverCandidates={overview.coverCandidates}
          approvalRequired={settings?.approvalRequired ?? true}
          nameFor={nameFor}
          busy={rota.busy}
          onApprove={(request) => void rota.act(() => client.rota.approveRequest(request.id))}
          onDecline={(request) => void rota.act(() => client.rota.declineRequest(request.id))}
          onGive={(request, ambassadorId) =>
            rota.perform(() => client.rota.approveRequest(request.id, ambassadorId))
          }
        />
      </section>

      <section className={`${styles.section} ${styles.noPrint}`} aria-labelledby={ambassadorsId}>
        <Subtitle1 as="h3" id={ambassadorsId} className={styles.heading}>
          {t(locale, 'tab.rota.ambassadors.heading')}
        </Subtitle1>
        <AmbassadorsPanel
          locale={locale}
          ambassadors={ambassadors}
          loads={overview.loads}
          periods={periods}
          weekAB={settings?.weekAB ?? false}
          today={overview.today}
          nameFor={nameFor}
          onSave={(id, input) => rota.perform(() => client.rota.saveAmbassador(id, input))}
        />
      </section>

      <section className={`${styles.section} ${styles.noPrint}`} aria-labelledby={settingsId}>
        <Subtitle1 as="h3" id={settingsId} className={styles.heading}>
          {t(locale, 'tab.rota.settings.heading')}
        </Subtitle1>
        <SettingsForm
          locale={locale}
          settings={settings}
          today={overview.today}
          onSave={(input) => rota.perform(() => client.rota.saveSettings(input))}
        />
      </section>

      <section className={`${styles.section} ${styles.noPrint}`} aria-labelledby={noticesId}>
        <Subtitle1 as="h3" id={noticesId} className={styles.heading}>
          {t(locale, 'tab.rota.notices.heading')}
        </Subtitle1>
        <NoticesPanel client={client} locale={locale} nameFor={nameFor} />
      </section>

      <section className={`${styles.section} ${styles.noPrint}`} aria-labelledby={slotsId}>
        <Subtitle1 as="h3" id={slotsId} className={styles.heading}>
          {t(locale, 'tab.rota.slots.heading')}
        </Subtitle1>
        <Text>{t(locale, 'tab.rota.slots.intro')}</Text>
        <SlotsEditor
          locale={locale}
          slots={overview.slots}
          weekAB={settings?.weekAB ?? false}
          onSave={(slots) => rota.perform(() => client.rota.saveSlots(slots))}
        />
      </section>

      <AssignDialog
        locale={locale}
        cell={adding}
        nameFor={nameFor}
        onClose={() => setAdding(undefined)}
        onAssign={(ambassadorId, locked) =>
          rota.perform(() =>
            client.rota.changeAssignment({
              action: 'assign',
              date: adding!.date,
              slotId: adding!.slot!.id,
              ambassadorId,
              locked,
            }),
          )
        }
      />
    </>
  );
}
