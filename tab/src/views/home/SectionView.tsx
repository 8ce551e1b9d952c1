import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { lazy } from 'react';
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { SectionRoute } from '../../routing/route.js';
import { mayUseInbox } from '../inbox/inbox-roles.js';
import { rotaRoles } from '../rota/rota-roles.js';
import { useHomeStyles } from './Home.styles.js';
import type { ConnectSections } from './sections.js';

// Each section is its own chunk: a pupil never downloads the planners.
const Posts = lazy(() => import('../posts/Posts.js'));
const CalendarEditor = lazy(() => import('../calendar/CalendarEditor.js'));
const CmhwPlanner = lazy(() => import('../cmhw/CmhwPlanner.js'));
const RotaSection = lazy(() => import('../rota/RotaSection.js'));
const ClassCheckins = lazy(() => import('../checkins/ClassCheckins.js'));
const SchoolTrends = lazy(() => import('../checkins/school/SchoolTrends.js'));
const MyCheckins = lazy(() => import('../checkins/MyCheckins.js'));
const Inbox = lazy(() => import('../inbox/Inbox.js'));
const TalkPanel = lazy(() => import('../talk/TalkPanel.js'));
const SchoolRoles = lazy(() => import('../roles/SchoolRoles.js'));
const AuditLog = lazy(() => import('../audit/AuditLog.js'));
const ClassPage = lazy(() => import('../class/ClassPage.js'));

export interface SectionViewProps {
  client: ApiClient;
  locale: Locale;
  me: MeResponse;
  teams: ClassTeamView[];
  sections: ConnectSections;
  /** The section to show; `mycheckins` also for a pupil's `#/me`. */
  section: SectionRoute | undefined;
  teamId: string | undefined;
  /** Inside Teams: where a person's own part of Belong is the personal app. */
  inTeams: boolean;
  channelName?: string | undefined;
}

/** One section of the tab, for a person who has it; for one who does not, why and where to go. */
export function SectionView(props: SectionViewProps) {
  const { client, locale, me, teams, sections, section, teamId } = props;
  const pupil = me.teams.some((team) => team.role === 'pupil');
  switch (section) {
    case 'class':
      return (
        <ClassPage
          client={client}
          locale={locale}
          me={me}
          teams={teams}
          teamId={teamId}
          inTeams={props.inTeams}
          channelName={props.channelName}
        />
      );
    case 'rota': {
      const roles = rotaRoles(me);
      if (roles.coordinator || roles.ambassador)
        return <RotaSection client={client} locale={locale} me={me} />;
      return (
        <NotForYou
          locale={locale}
          title={t(locale, 'tab.entry.rota.title')}
          body={t(locale, 'tab.rota.forOthers')}
          where={t(locale, pupil ? 'tab.entry.rota.pupil' : 'tab.entry.rota.staff')}
        />
      );
    }
    case 'inbox':
      if (mayUseInbox(me)) return <Inbox client={client} locale={locale} me={me} />;
      return (
        <>
          <NotForYou
            locale={locale}
            title={t(locale, 'talk.staff.forbidden.title')}
            body={t(locale, 'talk.staff.forbidden.body')}
            where={t(locale, pupil ? 'tab.entry.inbox.pupil' : 'tab.entry.inbox.staff')}
          />
          {/* A pupil who came looking for help finds how to ask (only when the school can take requests) and help now. */}
          {pupil && <TalkPanel client={client} locale={locale} />}
        </>
      );
    case 'checkins':
      return (
        <ClassCheckins
          client={client}
          locale={locale}
          teamId={teamId}
          teams={sections.checkinTeams}
          postTeams={sections.postTeams}
        />
      );
    case 'trends':
      return <SchoolTrends client={client} locale={locale} me={me} />;
    case 'mycheckins':
    case 'me':
      return (
        <MyCheckins client={client} locale={locale}>
          <TalkPanel client={client} locale={locale} />
        </MyCheckins>
      );
    case 'roles':
      return <SchoolRoles client={client} locale={locale} me={me} />;
    case 'audit':
      return <AuditLog client={client} locale={locale} me={me} />;
    case 'posts':
      return (
        <Posts
          key={teamId ?? ''}
          client={client}
          locale={locale}
          teams={sections.postTeams}
          teamId={teamId}
        />
      );
    default:
      // The server refuses everyone else too; this just says so before asking.
      if (!sections.schoolWide) {
        return (
          <MessageBar intent="warning">
            <MessageBarBody>{t(locale, 'tab.error.forbidden')}</MessageBarBody>
          </MessageBar>
        );
      }
      return section === 'calendar' ? (
        <CalendarEditor client={client} locale={locale} />
      ) : (
        <CmhwPlanner client={client} locale={locale} teams={teams} />
      );
  }
}

/** A page this person cannot use: whose it is, and where to go instead. */
function NotForYou(props: { locale: Locale; title: string; body: string; where: string }) {
  const styles = useHomeStyles();
  return (
    <div className={styles.section}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{props.title}</MessageBarTitle> {props.body}
        </MessageBarBody>
      </MessageBar>
      <Text as="p">{props.where}</Text>
    </div>
  );
}
