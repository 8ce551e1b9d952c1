import { Badge, Button, Card, Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { AmbassadorRecord, RotaSlot, SwapRequest } from '../../api/rota-types.js';
import { dutyLabel } from './format.js';
import { useRotaStyles } from './Rota.styles.js';

export interface RequestsPanelProps {
  locale: Locale;
  requests: readonly SwapRequest[];
  slots: readonly RotaSlot[];
  ambassadors: readonly AmbassadorRecord[];
  approvalRequired: boolean;
  nameFor(id: string): string;
  busy: boolean;
  onApprove(request: SwapRequest, ambassadorId?: string): void;
  onDecline(request: SwapRequest): void;
}

/**
 * Swap and cover requests waiting on someone: open ones (cover needed, nobody yet), accepted ones
 * to approve or decline, and approved ones whose change has not reached the rota (approving again
 * applies them). Cover can also be given straight to someone the coordinator chooses.
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
  const { locale, request, slots, ambassadors, nameFor, busy, onApprove, onDecline } = props;
  const styles = useRotaStyles();
  const slotOf = (id: string) => slots.find((s) => s.id === id);
  const duty = dutyLabel(locale, request.dutyDate, slotOf(request.slotId));
  const who = nameFor(request.requesterId);
  const what = t(locale, `tab.rota.requests.${request.kind}`, { name: who });
  const unapplied = request.status === 'approved';
  const candidates = ambassadors.filter((a) => a.active && a.id !== request.requesterId);
  const [giveTo, setGiveTo] = useState(candidates[0]?.id ?? '');
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
      {request.kind === 'cover' && !unapplied && candidates.length > 0 && (
        <div className={`${styles.toolbar} ${styles.noPrint}`}>
          <Field label={t(locale, 'tab.rota.requests.giveTo', { duty })}>
            <Select value={giveTo} onChange={(_e, data) => setGiveTo(data.value)}>
              {candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {nameFor(a.id)}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={busy || !giveTo} onClick={() => onApprove(request, giveTo)}>
            {t(locale, 'tab.rota.requests.give')}
          </Button>
        </div>
      )}
    </Card>
  );
}
