import { Badge, Button, Card, Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { DutyCandidate, RotaSlot, SwapRequest } from '../../../../core/api/rota.js';
import { candidateChoices } from './candidates.js';
import { CannotTake } from './CannotTake.js';
import { dutyLabel } from './format.js';
import { RotaAlert } from './RotaAlert.js';
import { useRotaStyles } from './Rota.styles.js';

export interface RequestsPanelProps {
  locale: Locale;
  requests: readonly SwapRequest[];
  slots: readonly RotaSlot[];
  /** Per cover request: who could be given the duty, and why the others cannot. */
  coverCandidates: Readonly<Record<string, DutyCandidate[]>>;
  approvalRequired: boolean;
  nameFor(id: string): string;
  busy: boolean;
  onApprove(request: SwapRequest): void;
  onDecline(request: SwapRequest): void;
  /** Gives a cover request's duty to someone; a refusal is thrown, to show beside the choice. */
  onGive(request: SwapRequest, ambassadorId: string): Promise<unknown>;
}

/**
 * Swap and cover requests waiting on someone: open ones (cover needed, nobody yet), accepted ones
 * to approve or decline, and approved ones whose change has not reached the rota (approving again
 * applies them). Cover can also be given straight to someone the coordinator chooses, from those
 * who can take it (the others are listed with why).
 */
export function RequestsPanel(props: RequestsPanelProps) {
  const { locale, requests, approvalRequired } = props;
  const styles = useRotaStyles();
  return (
    <>
      {!approvalRequired && <Text>{t(locale, 'tab.rota.requests.noApproval')}</Text>}
      {requests.length === 0 ? (
        <Text>{t(locale, 'tab.rota.requests.none')}</Text>
      ) : (
        <ul className={styles.plainList}>
          {requests.map((request) => (
            <li key={request.id}>
              <RequestCard {...props} request={request} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RequestCard(props: RequestsPanelProps & { request: SwapRequest }) {
  const { locale, request, slots, coverCandidates, nameFor, busy, onApprove, onDecline, onGive } =
    props;
  const styles = useRotaStyles();
  const slotOf = (id: string) => slots.find((s) => s.id === id);
  const duty = dutyLabel(locale, request.dutyDate, slotOf(request.slotId));
  const who = nameFor(request.requesterId);
  const what = t(locale, `tab.rota.requests.${request.kind}`, { name: who });
  const unapplied = request.status === 'approved';
  const candidates = coverCandidates[request.id];
  const choices = candidateChoices(locale, candidates ?? [], nameFor);
  const [giveTo, setGiveTo] = useState(choices.free[0] ?? '');
  const [giving, setGiving] = useState(false);
  const [giveError, setGiveError] = useState<unknown>();
  const give = async () => {
    setGiving(true);
    setGiveError(undefined);
    try {
      await onGive(request, giveTo);
    } catch (e) {
      setGiveError(e);
    } finally {
      setGiving(false);
    }
  };
  return (
    <Card aria-label={`${what}: ${duty}`}>
      <div className={styles.actions}>
        <Text weight="semibold">{what}</Text>
        <Badge appearance="tint" shape="rounded" color={unapplied ? 'warning' : 'informative'}>
          {unapplied
            ? t(locale, 'tab.rota.requests.unapplied')
            : t(locale, `rota.request.status.${request.status}`)}
        </Badge>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.factName}>{t(locale, 'tab.rota.requests.duty')}</dt>
        <dd className={styles.factValue}>{duty}</dd>
        {request.acceptorId && (
          <>
            <dt className={styles.factName}>{t(locale, 'tab.rota.requests.takenBy')}</dt>
            <dd className={styles.factValue}>{nameFor(request.acceptorId)}</dd>
          </>
        )}
        {request.inReturn && (
          <>
            <dt className={styles.factName}>{t(locale, 'tab.rota.requests.inReturn')}</dt>
            <dd className={styles.factValue}>
              {dutyLabel(locale, request.inReturn.date, slotOf(request.inReturn.slotId))}
            </dd>
          </>
        )}
      </dl>
      <div className={`${styles.actions} ${styles.noPrint}`}>
        {(request.status === 'accepted' || unapplied) && (
          <Button
            appearance="primary"
            disabled={busy}
            aria-label={t(locale, 'tab.rota.requests.approveLabel', { what, duty })}
            onClick={() => onApprove(request)}
          >
            {t(locale, unapplied ? 'tab.rota.requests.apply' : 'tab.rota.requests.approve')}
          </Button>
        )}
        {(request.status === 'open' || request.status === 'accepted') && (
          <Button
            disabled={busy}
            aria-label={t(locale, 'tab.rota.requests.declineLabel', { what, duty })}
            onClick={() => onDecline(request)}
          >
            {t(locale, 'tab.rota.requests.decline')}
          </Button>
        )}
      </div>
      {candidates && !unapplied && (
        <div className={`${styles.form} ${styles.noPrint}`}>
          {choices.free.length === 0 ? (
            <Text>{t(locale, 'tab.rota.assign.nobodyFree')}</Text>
          ) : (
            <div className={styles.toolbar}>
              <Field label={t(locale, 'tab.rota.requests.giveTo', { duty })}>
                <Select value={giveTo} onChange={(_e, data) => setGiveTo(data.value)}>
                  {choices.free.map((id) => (
                    <option key={id} value={id}>
                      {nameFor(id)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button disabled={busy || giving || !giveTo} onClick={() => void give()}>
                {t(locale, 'tab.rota.requests.give')}
              </Button>
            </div>
          )}
          <CannotTake locale={locale} cannot={choices.cannot} />
          <RotaAlert locale={locale} error={giveError} />
        </div>
      )}
    </Card>
  );
}
