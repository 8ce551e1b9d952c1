import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { FillResult, RotaOverview } from '../../../../core/api/rota.js';
import { ErrorState } from '../../components/ErrorState.js';
import { addDays, formatDate } from '../../connect/dates.js';
import { dayLabel } from './format.js';
import { mondayOf } from './rota-grid.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';
import type { useCoordinatorRota } from './useCoordinatorRota.js';

export interface RotaToolbarProps {
  client: ApiClient;
  locale: Locale;
  rota: ReturnType<typeof useCoordinatorRota>;
  overview: RotaOverview;
}

/**
 * Above the week: choosing the week (previous, this, next, or any date), and fill, clear the
 * week (after a confirmation), print and CSV; what they did, or why the rota said no.
 */
export function RotaToolbar({ client, locale, rota, overview }: RotaToolbarProps) {
  const styles = useRotaStyles();
  const [filled, setFilled] = useState<FillResult | undefined>();
  // A fill starts after today, so today's gaps (still in the grid) are said beside its summary.
  const todayGapsLeft =
    filled && filled.from > overview.today
      ? overview.unfilled.filter((u) => u.date === overview.today).length
      : 0;
  const [cleared, setCleared] = useState<number | undefined>();
  const [confirmClear, setConfirmClear] = useState(false);
  const { settings } = overview;
  const monday = overview.from;
  const friday = addDays(monday, 4);

  const fill = async () => {
    setCleared(undefined);
    setFilled(await rota.act(() => client.rota.fill()));
  };
  const clearWeek = async () => {
    setConfirmClear(false);
    setFilled(undefined);
    const result = await rota.act(() =>
      client.rota.changeAssignment({ action: 'clearRange', from: monday, to: addDays(monday, 6) }),
    );
    if (result) setCleared(result.removed);
  };
  const download = async () => {
    const csv = await rota.act(() => client.rota.csv());
    if (csv === undefined) return;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `rota-${settings?.startDate ?? 'all'}-${settings?.endDate ?? 'all'}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <div className={`${styles.section} ${styles.noPrint}`}>
        <div className={styles.toolbar} role="group" aria-label={t(locale, 'tab.rota.week.choose')}>
          <Button disabled={rota.busy} onClick={() => rota.goToWeek(addDays(monday, -7))}>
            {t(locale, 'tab.rota.week.previous')}
          </Button>
          <Button disabled={rota.busy} onClick={() => rota.goToWeek(mondayOf(overview.today))}>
            {t(locale, 'tab.rota.week.this')}
          </Button>
          <Button disabled={rota.busy} onClick={() => rota.goToWeek(addDays(monday, 7))}>
            {t(locale, 'tab.rota.week.next')}
          </Button>
          <Field label={t(locale, 'tab.rota.week.pick')} className={styles.weekPicker}>
            <Input
              type="date"
              value={monday}
              onChange={(_e, data) => {
                if (/^\d{4}-\d{2}-\d{2}$/.test(data.value)) rota.goToWeek(mondayOf(data.value));
              }}
            />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={rota.busy || !settings}
            onClick={() => void fill()}
          >
            {t(locale, 'tab.rota.fill')}
          </Button>
          <Button disabled={rota.busy} onClick={() => setConfirmClear(true)}>
            {t(locale, 'tab.rota.clear')}
          </Button>
          <Button onClick={() => window.print()}>{t(locale, 'tab.rota.print')}</Button>
          <Button disabled={rota.busy || !settings} onClick={() => void download()}>
            {t(locale, 'tab.rota.csv')}
          </Button>
        </div>
        <div role="status">
          {filled && (
            <MessageBar
              intent={filled.unfilled.length || todayGapsLeft ? 'warning' : 'success'}
              layout="multiline"
            >
              <MessageBarBody>
                {t(locale, 'tab.rota.filled', {
                  filled: filled.stats.filled,
                  needed: filled.stats.needed,
                  from: formatDate(locale, filled.from, false),
                  to: formatDate(locale, filled.to, false),
                })}{' '}
                {t(locale, 'tab.rota.filledGaps', {
                  count: filled.unfilled.length,
                })}
                {todayGapsLeft > 0 && (
                  <> {t(locale, 'tab.rota.filledToday', { count: todayGapsLeft })}</>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {cleared !== undefined && (
            <MessageBar intent="success">
              <MessageBarBody>{t(locale, 'tab.rota.cleared', { count: cleared })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <RotaAlert locale={locale} error={rota.refusal} />
        {/* A week that would not load: the last one stays on screen, with a way to try again. */}
        {rota.error !== undefined && (
          <ErrorState locale={locale} error={rota.error} onRetry={rota.reload} />
        )}
      </div>

      <Dialog open={confirmClear} onOpenChange={(_e, data) => setConfirmClear(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(locale, 'tab.rota.clearConfirm.title')}</DialogTitle>
            <DialogContent>
              {t(locale, 'tab.rota.clearConfirm.body', {
                from: dayLabel(locale, monday),
                to: dayLabel(locale, friday),
              })}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void clearWeek()}>
                {t(locale, 'tab.rota.clearConfirm.confirm')}
              </Button>
              <Button onClick={() => setConfirmClear(false)}>{t(locale, 'tab.rota.close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
