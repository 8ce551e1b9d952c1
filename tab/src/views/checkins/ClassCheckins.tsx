import { Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useId, useMemo, type ReactNode } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ClassPicker } from '../../components/ClassPicker.js';
import { Loading } from '../../components/Loading.js';
import { useCheckinsStyles } from './ClassCheckins.styles.js';
import { CheckinsNotReady } from './CheckinsNotReady.js';
import { PostCheckinForm } from './PostCheckinForm.js';
import { RecentCheckins } from './RecentCheckins.js';
import { TrendChart } from './TrendChart.js';
import { classTrendsView, isEmpty, pendingText } from './trends-view.js';
import { useClassCheckins } from './useClassCheckins.js';
import type { ClassTrendsResponse } from '../../../../core/api/checkins.js';

export interface ClassCheckinsProps {
  client: ApiClient;
  locale: Locale;
  /** The class from the route, if one. */
  teamId?: string | undefined;
  /** Classes whose trends this person reads. */
  teams: readonly ClassTeamView[];
  /** Classes this person may post a check-in into. */
  postTeams: readonly ClassTeamView[];
}

/** A class's check-ins: post one, what was posted, and the class's trends. */
export default function ClassCheckins({
  client,
  locale,
  teamId,
  teams,
  postTeams,
}: ClassCheckinsProps) {
  const styles = useCheckinsStyles();
  const team = teams.find((candidate) => candidate.teamId === teamId) ?? teams[0];
  const { state, retry, post, postReady } = useClassCheckins(client.checkins, team?.teamId);
  const postId = useId();
  const recentId = useId();
  const trendsId = useId();

  if (!team) {
    return (
      <div className={styles.page}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.checkins.class.headingNoClass')}
        </Title2>
        <Text>{t(locale, 'tab.checkins.class.noClass')}</Text>
      </div>
    );
  }
  const mayPost = postTeams.some((p) => p.teamId === team.teamId);

  return (
    <div className={styles.page}>
      <div className={styles.section}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.checkins.class.heading', { team: team.name })}
        </Title2>
        <Text>{t(locale, 'tab.checkins.class.intro')}</Text>
        <ClassPicker
          label={t(locale, 'tab.checkins.class.pick')}
          section="checkins"
          teams={teams}
          teamId={team.teamId}
        />
      </div>

      {mayPost && (
        <section className={styles.section} aria-labelledby={postId}>
          <Subtitle1 as="h3" id={postId} className={styles.heading}>
            {t(locale, 'tab.checkins.post.heading')}
          </Subtitle1>
          {postReady === false ? (
            <CheckinsNotReady locale={locale} />
          ) : (
            <PostCheckinForm
              key={team.teamId}
              locale={locale}
              channels={team.channels}
              post={post}
            />
          )}
        </section>
      )}

      {state.kind === 'loading' && <Loading label={t(locale, 'tab.checkins.class.loading')} />}
      {state.kind === 'error' && <ErrorState locale={locale} error={state.error} onRetry={retry} />}
      {state.kind === 'ready' && (
        <>
          <section className={styles.section} aria-labelledby={recentId}>
            <Subtitle1 as="h3" id={recentId} className={styles.heading}>
              {t(locale, 'tab.checkins.recent.heading')}
            </Subtitle1>
            <RecentCheckins locale={locale} checkins={state.checkins} />
          </section>

          <section className={styles.section} aria-labelledby={trendsId}>
            <Subtitle1 as="h3" id={trendsId} className={styles.heading}>
              {t(locale, 'tab.checkins.trends.heading')}
            </Subtitle1>
            <Trends locale={locale} trends={state.trends} />
          </section>
        </>
      )}
    </div>
  );
}

function Trends({ locale, trends }: { locale: Locale; trends: ClassTrendsResponse }) {
  const styles = useCheckinsStyles();
  const view = useMemo(() => classTrendsView(trends, locale), [trends, locale]);
  const waiting = pendingText(locale, trends.pending);
  return (
    <>
      <Text>{t(locale, 'tab.checkins.trends.privacy', { k: view.k })}</Text>
      {waiting && <Text>{waiting}</Text>}
      {isEmpty(view) ? (
        !waiting && <Text>{t(locale, 'tab.checkins.trends.empty')}</Text>
      ) : (
        <div className={styles.charts}>
          {view.mood && (
            <TrendChart
              locale={locale}
              chart={{ ...view.mood, title: t(locale, 'tab.checkins.trends.mood') }}
              level="h4"
            />
          )}
          {view.belonging.length > 0 && (
            <Group title={t(locale, 'tab.checkins.trends.belonging')}>
              {view.belonging.map((chart) => (
                <TrendChart key={chart.id} locale={locale} chart={chart} />
              ))}
            </Group>
          )}
          {view.termly.length > 0 && (
            <Group title={t(locale, 'tab.checkins.trends.termly')}>
              {view.termly.map((chart) => (
                <TrendChart key={chart.id} locale={locale} chart={chart} />
              ))}
            </Group>
          )}
        </div>
      )}
    </>
  );
}

/** A group of charts under its own heading (level 4), each chart a level 5 below it. */
function Group({ title, children }: { title: string; children: ReactNode }) {
  const styles = useCheckinsStyles();
  const id = useId();
  return (
    <section className={styles.charts} aria-labelledby={id}>
      <Text as="h4" id={id} weight="semibold" size={400} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}
