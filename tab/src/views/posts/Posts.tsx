import { Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ClassPicker } from '../../components/ClassPicker.js';
import { Loading } from '../../components/Loading.js';
import { openCmhwWeeks } from '../../connect/cmhw.js';
import { indexPrompts } from './describe.js';
import { NewPostForm } from './NewPostForm.js';
import { formFromSchedule, initialPostForm } from './post-form.js';
import type { ScheduleView } from '../../../../core/api/connect.js';
import { usePostsStyles } from './Posts.styles.js';
import { ScheduleList } from './ScheduleList.js';
import { UpcomingAgenda } from './UpcomingAgenda.js';
import { usePosts } from './usePosts.js';

export interface PostsProps {
  client: ApiClient;
  locale: Locale;
  /** The classes this person may plan posts for. */
  teams: readonly ClassTeamView[];
  /** The class in the route, if any; otherwise the first of `teams`. */
  teamId: string | undefined;
}

/** A class's posts: what is planned, what is coming up, what happened, and a new post. */
export default function Posts({ client, locale, teams, teamId }: PostsProps) {
  const styles = usePostsStyles();
  const team = teams.find((candidate) => candidate.teamId === teamId) ?? teams[0];
  const { state, retry, create, update, cancel } = usePosts(client.connect, team?.teamId);
  const [editing, setEditing] = useState<ScheduleView | undefined>();
  const library = state.kind === 'ready' ? state.library : undefined;
  const prompts = useMemo(() => indexPrompts(library?.prompts ?? []), [library]);
  const plannedId = useId();
  const upcomingId = useId();
  const newId = useId();

  if (!team) {
    return (
      <div className={styles.page}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.connect.posts.headingNoClass')}
        </Title2>
        <Text>{t(locale, 'tab.connect.posts.noClass')}</Text>
      </div>
    );
  }

  return (
    <div className={styles.page}>
      <div className={styles.section}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.connect.posts.heading', { team: team.name })}
        </Title2>
        <Text>{t(locale, 'tab.connect.posts.intro')}</Text>
        <ClassPicker
          label={t(locale, 'tab.connect.posts.class')}
          section="posts"
          teams={teams}
          teamId={team.teamId}
        />
      </div>

      {state.kind === 'loading' && <Loading label={t(locale, 'tab.connect.posts.loading')} />}
      {state.kind === 'error' && <ErrorState locale={locale} error={state.error} onRetry={retry} />}
      {state.kind === 'ready' && (
        <>
          <section className={styles.section} aria-labelledby={plannedId}>
            <Subtitle1 as="h3" id={plannedId} className={styles.heading}>
              {t(locale, 'tab.connect.schedules.heading')}
            </Subtitle1>
            <ScheduleList
              client={client}
              locale={locale}
              schedules={state.schedules}
              prompts={prompts}
              onCancel={cancel}
              onEdit={(view) => {
                setEditing(view);
                document.getElementById(newId)?.scrollIntoView();
              }}
            />
          </section>

          <section className={styles.section} aria-labelledby={upcomingId}>
            <Subtitle1 as="h3" id={upcomingId} className={styles.heading}>
              {t(locale, 'tab.connect.upcoming.heading')}
            </Subtitle1>
            <UpcomingAgenda locale={locale} schedules={state.schedules} prompts={prompts} />
          </section>

          <section className={styles.section} aria-labelledby={newId}>
            <Subtitle1 as="h3" id={newId} className={styles.heading}>
              {t(locale, editing ? 'tab.connect.form.editHeading' : 'tab.connect.form.heading')}
            </Subtitle1>
            <NewPostForm
              key={`${team.teamId}/${editing?.schedule.id ?? 'new'}`}
              locale={locale}
              today={state.library.cmhw.today}
              channels={team.channels}
              prompts={state.library.prompts}
              promptIndex={prompts}
              weeks={state.library.cmhw.weeks}
              openWeeks={openCmhwWeeks(state.library.cmhw.weeks, state.library.cmhw.today)}
              {...(editing
                ? {
                    initial: formFromSchedule(
                      editing.schedule,
                      initialPostForm({
                        today: state.library.cmhw.today,
                        locale,
                        channels: team.channels,
                        openWeeks: openCmhwWeeks(
                          state.library.cmhw.weeks,
                          state.library.cmhw.today,
                        ),
                      }),
                    ),
                    onStopEditing: () => setEditing(undefined),
                  }
                : {})}
              create={editing ? (body) => update(editing.schedule.id, body) : create}
            />
          </section>
        </>
      )}
    </div>
  );
}
