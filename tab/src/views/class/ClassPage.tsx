import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  Title2,
} from '@fluentui/react-components';
import { lazy, useId, useState, type ReactNode } from 'react';
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { sectionHref } from '../../routing/route.js';
import type { ClassPart } from './class-page.js';
import { useClassPageStyles } from './ClassPage.styles.js';
import { useClassPage } from './useClassPage.js';

const Posts = lazy(() => import('../posts/Posts.js'));
const ClassCheckins = lazy(() => import('../checkins/ClassCheckins.js'));
const MyCheckins = lazy(() => import('../checkins/MyCheckins.js'));
const TalkPanel = lazy(() => import('../talk/TalkPanel.js'));

export interface ClassPageProps {
  client: ApiClient;
  locale: Locale;
  me: MeResponse;
  /** The class teams this person can see. */
  teams: readonly ClassTeamView[];
  /** The class: from the Teams context in a channel tab, else from the route (`#/class/<id>`). */
  teamId: string | undefined;
  /** Inside Teams, where a person's own part of Belong is the personal app, not a home link. */
  inTeams: boolean;
  /** The channel the tab is in, from the Teams context. */
  channelName?: string | undefined;
}

/**
 * The class tab: the class's Posts and Check-ins for its teachers, a pupil's own check-ins for the
 * class and asking to talk, and for anyone else why not and where to go.
 */
export default function ClassPage(props: ClassPageProps) {
  const { client, locale, me, teams, teamId, inTeams, channelName } = props;
  const styles = useClassPageStyles();
  const { state, retry } = useClassPage(client, me, teams, teamId);

  switch (state.kind) {
    case 'loading':
      return <Loading label={t(locale, 'tab.class.loading')} />;
    case 'error':
      return <ErrorState locale={locale} error={state.error} onRetry={retry} />;
    case 'choose':
      return <ChooseClass locale={locale} teams={state.teams} />;
    case 'notYours':
    case 'unknown':
      return (
        <div className={styles.page}>
          {state.kind === 'notYours' && state.team && (
            <ClassHeader locale={locale} team={state.team} channelName={channelName} />
          )}
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {t(
                  locale,
                  state.kind === 'unknown' ? 'tab.class.unknown.title' : 'tab.class.notYours.title',
                )}
              </MessageBarTitle>{' '}
              {state.kind === 'unknown'
                ? t(locale, 'tab.class.unknown.body')
                : state.team
                  ? t(locale, 'tab.class.notYours.body', { team: state.team.name })
                  : t(locale, 'tab.class.notYours.bodyNoName')}
            </MessageBarBody>
          </MessageBar>
          <WhereToGo locale={locale} inTeams={inTeams} />
        </div>
      );
    case 'pupil':
      return (
        <div className={styles.page}>
          <ClassHeader locale={locale} team={state.team} channelName={channelName}>
            <Text>{t(locale, 'tab.class.pupilIntro')}</Text>
          </ClassHeader>
          <MyCheckins client={client} locale={locale} teamId={state.team.teamId}>
            <TalkPanel client={client} locale={locale} />
          </MyCheckins>
        </div>
      );
    case 'staff':
      return (
        <div className={styles.page}>
          <ClassHeader locale={locale} team={state.team} channelName={channelName} />
          <StaffParts
            client={client}
            locale={locale}
            team={state.team}
            parts={state.parts}
            postTeams={state.postTeams}
          />
        </div>
      );
  }
}

function ClassHeader(props: {
  locale: Locale;
  team: ClassTeamView;
  channelName?: string | undefined;
  children?: ReactNode;
}) {
  const styles = useClassPageStyles();
  return (
    <div className={styles.header}>
      <Title2 as="h2" className={styles.heading}>
        {props.team.name}
      </Title2>
      {props.channelName && (
        <Text>{t(props.locale, 'tab.class.channel', { channel: props.channelName })}</Text>
      )}
      {props.children}
    </div>
  );
}

/** Posts and Check-ins, one at a time, chosen with tabs when the person has both. */
function StaffParts(props: {
  client: ApiClient;
  locale: Locale;
  team: ClassTeamView;
  parts: ClassPart[];
  postTeams: ClassTeamView[];
}) {
  const { client, locale, team, parts, postTeams } = props;
  const styles = useClassPageStyles();
  const [chosen, setChosen] = useState<ClassPart>(parts[0] ?? 'posts');
  const part = parts.includes(chosen) ? chosen : (parts[0] ?? 'posts');
  const baseId = useId();
  const tabId = (p: ClassPart) => `${baseId}-${p}`;
  const panel = (
    <div
      role={parts.length > 1 ? 'tabpanel' : undefined}
      aria-labelledby={parts.length > 1 ? tabId(part) : undefined}
    >
      {part === 'posts' ? (
        <Posts client={client} locale={locale} teams={[team]} teamId={team.teamId} />
      ) : (
        <ClassCheckins
          client={client}
          locale={locale}
          teamId={team.teamId}
          teams={[team]}
          postTeams={postTeams}
        />
      )}
    </div>
  );
  if (parts.length < 2) return panel;
  return (
    <>
      <div className={styles.tabs}>
        <TabList
          selectedValue={part}
          onTabSelect={(_e, data) => setChosen(data.value as ClassPart)}
          aria-label={t(locale, 'tab.class.sections')}
        >
          {parts.map((p) => (
            <Tab key={p} value={p} id={tabId(p)}>
              {t(locale, p === 'posts' ? 'tab.class.posts' : 'tab.class.checkins')}
            </Tab>
          ))}
        </TabList>
      </div>
      {panel}
    </>
  );
}

function ChooseClass({ locale, teams }: { locale: Locale; teams: ClassTeamView[] }) {
  const styles = useClassPageStyles();
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.class.choose.heading')}
        </Title2>
        <Text as="p">
          {t(locale, teams.length ? 'tab.class.choose.intro' : 'tab.class.choose.empty')}
        </Text>
      </div>
      {teams.length > 0 && (
        <ul className={styles.list}>
          {teams.map((team) => (
            <li key={team.teamId}>
              <Link href={sectionHref('class', team.teamId)}>{team.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Where a person's own part of Belong is: the personal app in Teams, the home page outside. */
export function WhereToGo({ locale, inTeams }: { locale: Locale; inTeams: boolean }) {
  return inTeams ? (
    <Text as="p">{t(locale, 'tab.class.whereTeams')}</Text>
  ) : (
    <Text as="p">
      {t(locale, 'tab.class.whereHome')}{' '}
      <Link href={sectionHref()}>{t(locale, 'tab.class.home')}</Link>
    </Text>
  );
}
