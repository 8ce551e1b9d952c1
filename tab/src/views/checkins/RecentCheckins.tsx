import { Badge, Text } from '@fluentui/react-components';
import { formatWhen } from '../../../../bot/cards/format.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { formatDate } from '../../connect/dates.js';
import type { ClassCheckinSummary } from '../../../../core/api/checkins.js';
import { useCheckinsStyles } from './ClassCheckins.styles.js';

/** What was posted and when it closes (or closed): never answers or who answered. */
export function RecentCheckins(props: {
  locale: Locale;
  checkins: readonly ClassCheckinSummary[];
}) {
  const { locale, checkins } = props;
  const styles = useCheckinsStyles();
  if (checkins.length === 0) return <Text>{t(locale, 'tab.checkins.recent.empty')}</Text>;
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">{t(locale, 'tab.checkins.recent.name')}</th>
          <th scope="col">{t(locale, 'tab.checkins.recent.date')}</th>
          <th scope="col">{t(locale, 'tab.checkins.recent.status')}</th>
        </tr>
      </thead>
      <tbody>
        {checkins.slice(0, 10).map((c) => {
          const when = formatWhen(locale, c.closesAt, c.timeZone);
          return (
            <tr key={c.checkinId}>
              <th scope="row">{t(locale, `checkin.template.${c.templateId}`)}</th>
              <td>{formatDate(locale, c.date)}</td>
              <td>
                <Badge
                  className={styles.status}
                  appearance={c.open ? 'filled' : 'outline'}
                  color={c.open ? 'brand' : 'informative'}
                  shape="rounded"
                >
                  {c.open
                    ? t(locale, 'tab.checkins.recent.open', { when })
                    : t(locale, 'tab.checkins.recent.closed', { when })}
                </Badge>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
