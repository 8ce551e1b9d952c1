import { Badge, mergeClasses, Text } from '@fluentui/react-components';
import type { SupportRequestView } from '../../../../core/api/support.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { useInboxStyles } from './Inbox.styles.js';
import { statusColour, statusLabel, urgencyLabel, waitText, when } from './inbox-view.js';

export interface RequestListProps {
  locale: Locale;
  requests: readonly SupportRequestView[];
  selectedId: string | undefined;
  onOpen(id: string): void;
}

/** The requests a filter shows, each a button that opens it: who, class, how soon, how long. */
export function RequestList({ locale, requests, selectedId, onOpen }: RequestListProps) {
  const styles = useInboxStyles();
  return (
    <ul className={styles.list} aria-label={t(locale, 'tab.support.inbox.list')}>
      {requests.map((r) => {
        const selected = r.id === selectedId;
        return (
          <li key={r.id}>
            <button
              type="button"
              className={mergeClasses(styles.item, selected && styles.selected)}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onOpen(r.id)}
            >
              <span className={styles.itemTop}>
                <span className={styles.name}>{r.pupilName}</span>
                <Badge appearance="tint" shape="rounded" color={statusColour[r.status]}>
                  {statusLabel(locale, r.status)}
                </Badge>
              </span>
              <Text className={styles.meta}>
                {[
                  ...r.classNames,
                  ...(r.urgency
                    ? [`${t(locale, 'talk.staff.howSoon')}: ${urgencyLabel(locale, r)}`]
                    : []),
                ].join(' · ')}
              </Text>
              <Text className={styles.meta}>{when(locale, r.createdAt, r.timeZone)}</Text>
              <Text className={r.status === 'new' ? styles.waiting : styles.meta}>
                {waitText(locale, r)}
              </Text>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
