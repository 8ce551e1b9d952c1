import { Subtitle2, Text } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ScheduleView } from '../../../../core/api/connect.js';
import { formatDate } from '../../connect/dates.js';
import { groupUpcoming, promptTextOf, type PromptIndex } from './describe.js';
import { usePostsStyles } from './Posts.styles.js';

/** The class's next posts from every schedule, as an agenda grouped by day. */
export function UpcomingAgenda(props: {
  locale: Locale;
  schedules: readonly ScheduleView[];
  prompts: PromptIndex;
}) {
  const { locale, schedules, prompts } = props;
  const styles = usePostsStyles();
  const days = groupUpcoming(schedules);
  if (days.length === 0) return <Text>{t(locale, 'tab.connect.upcoming.empty')}</Text>;
  return (
    <ul className={styles.plainList}>
      {days.map((day) => (
        <li key={day.date}>
          <Subtitle2 as="h4" className={styles.heading}>
            {formatDate(locale, day.date)}
          </Subtitle2>
          <ul className={styles.agendaPosts}>
            {day.posts.map((post) => {
              const prompt = prompts.get(post.promptId);
              return (
                <li key={post.occurrenceId}>
                  <Text>
                    <span className={styles.agendaTime}>{post.time}</span> · {post.channelName} ·{' '}
                    {prompt ? promptTextOf(prompt, locale) : t(locale, 'tab.connect.what.unknown')}
                  </Text>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
