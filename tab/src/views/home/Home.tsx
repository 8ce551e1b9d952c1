import {
  Badge,
  Card,
  CardFooter,
  CardHeader,
  Link,
  Subtitle1,
  Subtitle2,
  Text,
  Title2,
} from '@fluentui/react-components';
import { Suspense, useId } from 'react';
import { createPortal } from 'react-dom';
import type { ClassTeamView } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { sectionHref, type SectionRoute } from '../../routing/route.js';
import { classPageTeams } from '../class/class-page.js';
import { SectionView } from './SectionView.js';
import { useHomeStyles } from './Home.styles.js';
import { roleLabels } from './role-labels.js';
import { connectSections, schoolSections } from './sections.js';
import { hasOwnView, SectionNav } from './SectionNav.js';
import { useHome } from './useHome.js';
import { rotaRoles } from '../rota/rota-roles.js';
import { mayUseInbox } from '../inbox/inbox-roles.js';
import { formatInstant } from '../../i18n/dates.js';

export interface HomeProps {
  client: ApiClient;
  locale: Locale;
  /** A section: posts, calendar, cmhw, rota, inbox…; or a tab entry point (class; me for staff) with no view of its own. */
  section?: SectionRoute | undefined;
  /** The class a section is about, from the route. */
  teamId?: string | undefined;
  /** Inside Teams, the team and channel a channel tab is in (the class tab's class). */
  host?: { teamId?: string | undefined; channelName?: string | undefined } | null | undefined;
  /**
   * The header's place for section links. In the header, they come after its own buttons in
   * the tab order, and stay put while the view below changes.
   */
  navSlot?: HTMLElement | null | undefined;
}

export default function Home({ client, locale, section, teamId, host, navSlot }: HomeProps) {
  const styles = useHomeStyles();
  const { state, retry } = useHome(client);
  const rolesId = useId();
  const teamsId = useId();

  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.loading.home')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={retry} />;

  const { me, teams } = state;
  const sections = connectSections(me, teams);
  const rota = rotaRoles(me);
  // The personal tab (#/me) is a pupil's own page; for anyone else it is the home page.
  const ownPage = section === 'mycheckins' || (section === 'me' && sections.myCheckins);
  const links = (
    <SectionNav
      locale={locale}
      sections={sections}
      rota={rota.coordinator || rota.ambassador}
      inbox={mayUseInbox(me)}
      school={schoolSections(me)}
      current={ownPage ? 'mycheckins' : section}
    />
  );
  const nav = navSlot ? createPortal(links, navSlot) : links;
  if (hasOwnView(section) || ownPage) {
    return (
      <div className={styles.page}>
        {nav}
        <Suspense fallback={<Loading label={t(locale, 'tab.loading.start')} />}>
          <SectionView
            client={client}
            locale={locale}
            me={me}
            teams={teams}
            sections={sections}
            section={ownPage ? 'mycheckins' : section}
            // In a channel tab the class is the Teams context's, whatever the route says.
            teamId={section === 'class' ? (host?.teamId ?? teamId) : teamId}
            inTeams={Boolean(host)}
            channelName={host?.channelName}
          />
        </Suspense>
      </div>
    );
  }

  const roles = roleLabels(me, teams, locale);
  const ownClasses = new Set(classPageTeams(me, teams).map((team) => team.teamId));
  return (
    <div className={styles.page}>
      {nav}
      <Title2 as="h2" className={styles.heading}>
        {t(locale, 'tab.home.hello', { name: me.user.displayName })}
      </Title2>

      <section className={styles.section} aria-labelledby={rolesId}>
        <Subtitle1 as="h3" id={rolesId} className={styles.heading}>
          {t(locale, 'tab.home.rolesHeading')}
        </Subtitle1>
        {roles.length === 0 ? (
          <Text>{t(locale, 'tab.home.noRoles')}</Text>
        ) : (
          <ul className={styles.plainList}>
            {roles.map((label) => (
              <li key={label}>
                <Badge appearance="tint" size="large" shape="rounded">
                  {label}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby={teamsId}>
        <Subtitle1 as="h3" id={teamsId} className={styles.heading}>
          {t(locale, 'tab.home.teamsHeading')}
        </Subtitle1>
        {teams.length === 0 ? (
          <Text>{t(locale, 'tab.home.teamsEmpty')}</Text>
        ) : (
          <ul className={styles.teams}>
            {teams.map((team) => (
              <li key={team.teamId}>
                <TeamCard team={team} locale={locale} classPage={ownClasses.has(team.teamId)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TeamCard(props: { team: ClassTeamView; locale: Locale; classPage: boolean }) {
  const { team, locale, classPage } = props;
  const styles = useHomeStyles();
  const channelsId = useId();
  const added = new Date(team.installedAt);
  return (
    <Card>
      <CardHeader
        header={
          <Subtitle2 as="h4" className={styles.heading}>
            {team.name}
          </Subtitle2>
        }
        description={
          Number.isNaN(added.getTime()) ? undefined : (
            <Text size={200}>
              {t(locale, 'tab.home.addedOn', {
                date: formatInstant(locale, added, readerTimeZone(), { month: 'long', year: true }),
              })}
            </Text>
          )
        }
      />
      {team.channels.length > 0 && (
        <div>
          <Text weight="semibold" id={channelsId}>
            {t(locale, 'tab.home.channels')}
          </Text>
          <ul className={styles.channels} aria-labelledby={channelsId}>
            {team.channels.map((channel) => (
              <li key={channel.id}>
                <Text>{channel.name}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {classPage && (
        <CardFooter>
          <Link href={sectionHref('class', team.teamId)}>
            {t(locale, 'tab.class.open', { team: team.name })}
          </Link>
        </CardFooter>
      )}
    </Card>
  );
}

/** The reader's own time zone: when their computer says the app was added. */
const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
