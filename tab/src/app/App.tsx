import { FluentProvider } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { t, type Locale } from '../../../core/i18n/index.js';
import { AppHeader } from '../components/AppHeader.js';
import { ErrorState } from '../components/ErrorState.js';
import { Loading } from '../components/Loading.js';
import type { Route } from '../routing/route.js';
import { fluentThemes } from '../theme/fluent-theme.js';
import { useAppStyles } from './App.styles.js';
import { useLocale } from './useLocale.js';
import { useRoute } from './useRoute.js';
import { useSession, type Session } from './useSession.js';
import { useThemeName } from './useThemeName.js';

// One chunk per view, so later views (charts) cost nothing until someone opens them.
const Home = lazy(() => import('../views/home/Home.js'));
const PersonaPicker = lazy(() => import('../views/picker/PersonaPicker.js'));
const ConfigPage = lazy(() => import('../views/config/ConfigPage.js'));
const OpenInTeams = lazy(() => import('../views/OpenInTeams.js'));

export function App() {
  const styles = useAppStyles();
  const session = useSession();
  const route = useRoute();
  const [locale, setLocale] = useLocale(session.host?.locale);
  const theme = useThemeName(session.host);
  const { state } = session;
  // The header owns the place for section links; the signed-in view fills it through a portal.
  const [navSlot, setNavSlot] = useState<HTMLElement | null>(null);

  return (
    <FluentProvider theme={fluentThemes[theme]} className={styles.root}>
      <AppHeader
        locale={locale}
        onLocaleChange={setLocale}
        onSwitchPerson={
          state.kind === 'signed-in' && state.via === 'local' ? session.switchPerson : undefined
        }
        navSlotRef={setNavSlot}
      />
      <main className={styles.main}>
        <Suspense fallback={<Loading label={t(locale, 'tab.loading.start')} />}>
          <View session={session} route={route} locale={locale} navSlot={navSlot} />
        </Suspense>
      </main>
    </FluentProvider>
  );
}

function View(props: {
  session: Session;
  route: Route;
  locale: Locale;
  navSlot: HTMLElement | null;
}) {
  const { session, route, locale, navSlot } = props;
  const { state, host } = session;
  if (route.view === 'config') {
    if (host === undefined) return <Loading label={t(locale, 'tab.loading.start')} />;
    return <ConfigPage inTeams={host !== null} locale={locale} />;
  }
  switch (state.kind) {
    case 'starting':
      return <Loading label={t(locale, 'tab.loading.start')} />;
    case 'error':
      return <ErrorState locale={locale} error={state.error} onRetry={session.retry} />;
    case 'open-in-teams':
      return <OpenInTeams locale={locale} />;
    case 'picker':
      return (
        <PersonaPicker
          client={session.client}
          locale={locale}
          expired={state.expired}
          onSignedIn={session.signedIn}
        />
      );
    case 'signed-in':
      return (
        <Home
          key={state.id}
          client={session.client}
          locale={locale}
          section={route.section}
          teamId={route.teamId}
          host={host}
          navSlot={navSlot}
        />
      );
  }
}
