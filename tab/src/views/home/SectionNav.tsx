import { Link } from '@fluentui/react-components';
import { t, type Locale, type MessageKey } from '../../../../core/i18n/index.js';
import { sectionHref, type SectionRoute } from '../../routing/route.js';
import { useHomeStyles } from './Home.styles.js';
import type { ConnectSections } from './sections.js';

export interface SectionNavProps {
  locale: Locale;
  sections: ConnectSections;
  /** Peer support: the coordinator's rota or an ambassador's duties. */
  rota?: boolean;
  /** The safeguarding inbox: the DSL and deputies. */
  inbox?: boolean;
  /** School roles (the admin) and the audit log (the admin, DSL and deputies). */
  school?: { roles: boolean; audit: boolean };
  current: SectionRoute | undefined;
}

/** Links to the sections this person has; nothing at all for someone who has none. */
export function SectionNav({ locale, sections, rota, inbox, school, current }: SectionNavProps) {
  const styles = useHomeStyles();
  const links: { section?: SectionRoute; key: MessageKey }[] = [
    { key: 'tab.connect.nav.home' },
    ...(sections.postTeams.length
      ? [{ section: 'posts' as const, key: 'tab.connect.nav.posts' as const }]
      : []),
    ...(sections.schoolWide
      ? [
          { section: 'calendar' as const, key: 'tab.connect.nav.calendar' as const },
          { section: 'cmhw' as const, key: 'tab.connect.nav.cmhw' as const },
        ]
      : []),
    ...(sections.checkinTeams.length
      ? [{ section: 'checkins' as const, key: 'tab.checkins.nav.class' as const }]
      : []),
    ...(sections.schoolTrends
      ? [{ section: 'trends' as const, key: 'tab.trends.nav' as const }]
      : []),
    ...(sections.myCheckins
      ? [{ section: 'mycheckins' as const, key: 'tab.checkins.nav.mine' as const }]
      : []),
    ...(rota ? [{ section: 'rota' as const, key: 'tab.rota.nav' as const }] : []),
    ...(inbox ? [{ section: 'inbox' as const, key: 'tab.support.nav' as const }] : []),
    ...(school?.roles ? [{ section: 'roles' as const, key: 'tab.roles.nav' as const }] : []),
    ...(school?.audit ? [{ section: 'audit' as const, key: 'tab.audit.nav' as const }] : []),
  ];
  if (links.length === 1) return null;
  const isCurrent = (section?: SectionRoute) =>
    section === current || (section === undefined && !hasOwnView(current));
  return (
    <nav aria-label={t(locale, 'tab.connect.nav.label')}>
      <ul className={styles.navList}>
        {links.map(({ section, key }) => (
          <li key={key}>
            <Link
              href={sectionHref(section)}
              aria-current={isCurrent(section) ? 'page' : undefined}
              className={isCurrent(section) ? styles.navCurrent : undefined}
            >
              {t(locale, key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A section with a view of its own (the rest show the home page; `me` is a pupil's own page). */
export function hasOwnView(section: SectionRoute | undefined): boolean {
  return (
    section === 'class' ||
    section === 'posts' ||
    section === 'calendar' ||
    section === 'cmhw' ||
    section === 'rota' ||
    section === 'checkins' ||
    section === 'trends' ||
    section === 'mycheckins' ||
    section === 'inbox' ||
    section === 'roles' ||
    section === 'audit'
  );
}
