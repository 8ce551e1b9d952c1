import {
  Badge,
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Subtitle2,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type {
  Availability,
  MyDuty,
  MyRota,
  OpenRequestView,
  SwapRequest,
} from '../../../../core/api/rota.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { AvailabilityTable } from './AvailabilityTable.js';
import { dayLabel, dutyLabel } from './format.js';
import { nameOf, type NameBook } from './names.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';
import { useMyRota } from './useMyRota.js';

export interface MyRotaViewProps {
  client: ApiClient;
  locale: Locale;
  names: NameBook;
}

/**
 * A wellbeing ambassador's own rota, in short plain words (they are pupils): my duties (when,
 * where, who with, the adult there), asking for a swap or cover, duties others need help with,
 * what happened to my asks, and when I can help.
 */
export function MyRotaView({ client, locale, names }: MyRotaViewProps) {
  const styles = useRotaStyles();
  const my = useMyRota(client.rota);
  const [done, setDone] = useState<string | undefined>();
  const dutiesId = useId();
  const openId = useId();
  const asksId = useId();
  const whenId = useId();
  const { state } = my;
  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.rota.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={my.reload} />;
  const { mine, open } = state;
  const other = (id: string) => nameOf(names, id) ?? t(locale, 'tab.rota.me.someone');

  const run = async (change: () => Promise<unknown>, said: string) => {
    setDone(undefined);
    if (await my.act(change)) setDone(said);
  };

  return (
    <div className={styles.page}>
      <section className={styles.section} aria-labelledby={dutiesId}>
        <Title2 as="h2" id={dutiesId} className={styles.heading}>
          {t(locale, 'tab.rota.me.heading')}
        </Title2>
        {!mine.onRota ? (
          <Text>{t(locale, 'rota.problem.notOnRota')}</Text>
        ) : (
          <>
            <Text>{t(locale, 'tab.rota.me.intro')}</Text>
            <div role="status">
              {done && (
                <MessageBar intent="success">
                  <MessageBarBody>{done}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            <RotaAlert locale={locale} error={my.refusal} />
            {mine.duties.length === 0 ? (
              <Text>{t(locale, 'tab.rota.me.noDuties')}</Text>
            ) : (
              <ul className={styles.plainList}>
                {mine.duties.map((duty) => (
                  <li key={`${duty.date}/${duty.slotId}`}>
                    <DutyCard
                      locale={locale}
                      duty={duty}
                      request={mine.requests.find((r) => r.id === duty.requestId)}
                      other={other}
                      busy={my.busy}
                      onAsk={(kind) =>
                        void run(
                          () =>
                            client.rota.askForHelp({ kind, date: duty.date, slotId: duty.slotId }),
                          t(locale, 'tab.rota.me.asked'),
                        )
                      }
                      onStop={(id) =>
                        void run(
                          () => client.rota.cancelMyRequest(id),
                          t(locale, 'tab.rota.me.stopped'),
                        )
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      {mine.onRota && (
        <>
          <section className={styles.section} aria-labelledby={openId}>
            <Subtitle1 as="h3" id={openId} className={styles.heading}>
              {t(locale, 'tab.rota.me.openHeading')}
            </Subtitle1>
            {open.length === 0 ? (
              <Text>{t(locale, 'tab.rota.me.openNone')}</Text>
            ) : (
              <ul className={styles.plainList}>
                {open.map((view) => (
                  <li key={view.request.id}>
                    <OpenCard
                      locale={locale}
                      view={view}
                      other={other}
                      busy={my.busy}
                      onAccept={(inReturn) =>
                        void run(
                          () => client.rota.acceptRequest(view.request.id, inReturn),
                          t(
                            locale,
                            mine.settings?.approvalRequired === false
                              ? 'tab.rota.me.tookNow'
                              : 'tab.rota.me.took',
                          ),
                        )
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className={styles.section} aria-labelledby={asksId}>
            <Subtitle1 as="h3" id={asksId} className={styles.heading}>
              {t(locale, 'tab.rota.me.asksHeading')}
            </Subtitle1>
            <MyAsks locale={locale} mine={mine} other={other} />
          </section>

          <section className={styles.section} aria-labelledby={whenId}>
            <Subtitle1 as="h3" id={whenId} className={styles.heading}>
              {t(locale, 'tab.rota.me.whenHeading')}
            </Subtitle1>
            <MyAvailability
              key={mine.ambassador?.updatedAt ?? ''}
              locale={locale}
              mine={mine}
              busy={my.busy}
              onSave={(availability) =>
                void run(
                  () => client.rota.saveMyAvailability(availability),
                  t(locale, 'tab.rota.me.whenSaved'),
                )
              }
            />
          </section>
        </>
      )}
    </div>
  );
}

function DutyCard(props: {
  locale: Locale;
  duty: MyDuty;
  request: SwapRequest | undefined;
  other(id: string): string;
  busy: boolean;
  onAsk(kind: 'swap' | 'cover'): void;
  onStop(requestId: string): void;
}) {
  const { locale, duty, request, other, busy, onAsk, onStop } = props;
  const styles = useRotaStyles();
  const day = dayLabel(locale, duty.date);
  return (
    <Card>
      <Subtitle2 as="h4" className={styles.heading}>
        {day}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.factName}>{t(locale, 'tab.rota.me.when')}</dt>
        <dd className={styles.factValue}>{duty.periodId}</dd>
        <dt className={styles.factName}>{t(locale, 'tab.rota.me.where')}</dt>
        <dd className={styles.factValue}>{duty.placeId}</dd>
        <dt className={styles.factName}>{t(locale, 'tab.rota.me.with')}</dt>
        <dd className={styles.factValue}>
          {duty.with.length ? duty.with.map(other).join(', ') : t(locale, 'tab.rota.me.alone')}
        </dd>
        <dt className={styles.factName}>{t(locale, 'tab.rota.me.adult')}</dt>
        <dd className={styles.factValue}>{duty.supervisingAdult}</dd>
      </dl>
      {request ? (
        <div className={styles.actions}>
          <Badge appearance="tint" shape="rounded" color="informative">
            {t(locale, `rota.request.status.${request.status}`)}
          </Badge>
          <Text>{t(locale, `tab.rota.me.youAsked.${request.kind}`)}</Text>
          <Button
            disabled={busy}
            aria-label={t(locale, 'tab.rota.me.stopLabel', { day })}
            onClick={() => onStop(request.id)}
          >
            {t(locale, 'tab.rota.me.stop')}
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button
            disabled={busy}
            aria-label={t(locale, 'tab.rota.me.askSwapLabel', { day })}
            onClick={() => onAsk('swap')}
          >
            {t(locale, 'tab.rota.me.askSwap')}
          </Button>
          <Button
            disabled={busy}
            aria-label={t(locale, 'tab.rota.me.askCoverLabel', { day })}
            onClick={() => onAsk('cover')}
          >
            {t(locale, 'tab.rota.me.askCover')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function OpenCard(props: {
  locale: Locale;
  view: OpenRequestView;
  other(id: string): string;
  busy: boolean;
  onAccept(inReturn?: { date: string; slotId: string }): void;
}) {
  const { locale, view, other, busy, onAccept } = props;
  const styles = useRotaStyles();
  const { request, duty, inReturnOptions } = view;
  const label = dutyLabel(locale, duty.date, duty);
  const options = inReturnOptions ?? [];
  const [give, setGive] = useState(options[0] ? `${options[0].date}|${options[0].slotId}` : '');
  return (
    <Card>
      <Subtitle2 as="h4" className={styles.heading}>
        {t(locale, `tab.rota.me.needs.${request.kind}`, { name: other(request.requesterId) })}
      </Subtitle2>
      <Text>{label}</Text>
      <Text>{t(locale, 'tab.rota.me.adultIs', { adult: duty.supervisingAdult })}</Text>
      {request.kind === 'cover' ? (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy}
            aria-label={t(locale, 'tab.rota.me.coverLabel', { duty: label })}
            onClick={() => onAccept()}
          >
            {t(locale, 'tab.rota.me.cover')}
          </Button>
        </div>
      ) : (
        <div className={styles.toolbar}>
          <Field label={t(locale, 'tab.rota.me.giveBack')}>
            <Select value={give} onChange={(_e, data) => setGive(data.value)}>
              {options.map((o) => (
                <option key={`${o.date}|${o.slotId}`} value={`${o.date}|${o.slotId}`}>
                  {dutyLabel(locale, o.date, o)}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={busy || !give}
            aria-label={t(locale, 'tab.rota.me.swapLabel', { duty: label })}
            onClick={() => {
              const [date = '', slotId = ''] = give.split('|');
              onAccept({ date, slotId });
            }}
          >
            {t(locale, 'tab.rota.me.swap')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function MyAsks(props: { locale: Locale; mine: MyRota; other(id: string): string }) {
  const { locale, mine, other } = props;
  const styles = useRotaStyles();
  if (mine.requests.length === 0) return <Text>{t(locale, 'tab.rota.me.asksNone')}</Text>;
  const me = mine.ambassador?.id;
  return (
    <ul className={styles.bullets}>
      {mine.requests.map((r) => {
        const duty = mine.duties.find((d) => d.date === r.dutyDate && d.slotId === r.slotId);
        const when = dutyLabel(locale, r.dutyDate, duty);
        const text =
          r.requesterId === me
            ? t(locale, `tab.rota.me.mine.${r.kind}`, { duty: when })
            : t(locale, `tab.rota.me.theirs.${r.kind}`, { duty: when, name: other(r.requesterId) });
        return (
          <li key={r.id}>
            {text} <strong>{t(locale, `rota.request.status.${r.status}`)}</strong>
          </li>
        );
      })}
    </ul>
  );
}

function MyAvailability(props: {
  locale: Locale;
  mine: MyRota;
  busy: boolean;
  onSave(availability: Availability[]): void;
}) {
  const { locale, mine, busy, onSave } = props;
  const styles = useRotaStyles();
  const [value, setValue] = useState<Availability[]>([...(mine.ambassador?.availability ?? [])]);
  return (
    <div className={styles.form}>
      <Text>{t(locale, 'tab.rota.me.whenIntro')}</Text>
      <AvailabilityTable
        locale={locale}
        label={t(locale, 'tab.rota.me.whenHeading')}
        periods={mine.periods}
        value={value}
        onChange={setValue}
        disabled={busy}
        weekAB={mine.settings?.weekAB ?? false}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => onSave(value)}>
          {t(locale, 'tab.rota.me.whenSave')}
        </Button>
      </div>
    </div>
  );
}
