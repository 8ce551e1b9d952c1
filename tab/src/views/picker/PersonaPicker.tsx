import {
  CompoundButton,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
} from '@fluentui/react-components';
import type { DevTokenResponse, PersonaKind } from '../../../../core/api.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { usePersonaPickerStyles } from './PersonaPicker.styles.js';
import { usePersonaPicker } from './usePersonaPicker.js';

export interface PersonaPickerProps {
  client: ApiClient;
  locale: Locale;
  /** The last sign-in was refused (expired or invalid token). */
  expired: boolean;
  onSignedIn(token: DevTokenResponse): void;
}

/** Local mode only: sign in as one of the demo school's people. */
export default function PersonaPicker({ client, locale, expired, onSignedIn }: PersonaPickerProps) {
  const styles = usePersonaPickerStyles();
  const { state, retry, choose } = usePersonaPicker(client.session, onSignedIn);

  return (
    <div className={styles.page}>
      <Title2 as="h2" className={styles.heading}>
        {t(locale, 'tab.picker.heading')}
      </Title2>
      <Text>{t(locale, 'tab.picker.intro')}</Text>
      {expired && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(locale, 'tab.picker.expired')}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'loading' && <Loading label={t(locale, 'tab.loading.people')} />}
      {state.kind === 'error' && <ErrorState locale={locale} error={state.error} onRetry={retry} />}
      {state.kind === 'signing-in' && (
        <Loading label={t(locale, 'tab.loading.signIn', { name: state.persona.displayName })} />
      )}
      {state.kind === 'ready' && state.personas.length === 0 && (
        <Text>{t(locale, 'tab.picker.empty')}</Text>
      )}
      {state.kind === 'ready' && state.personas.length > 0 && (
        <ul className={styles.list}>
          {state.personas.map((persona) => (
            <li key={persona.id}>
              <CompoundButton
                className={styles.person}
                secondaryContent={
                  isPersonaKind(persona.describeKey)
                    ? t(locale, `tab.persona.${persona.describeKey}`)
                    : undefined
                }
                onClick={() => choose(persona)}
              >
                {persona.displayName}
              </CompoundButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const personaKinds: readonly string[] = [
  'teacher',
  'pupil',
  'ambassador',
  'coordinator',
  'wellbeing_lead',
  'dsl',
  'deputy_dsl',
  'admin',
] satisfies PersonaKind[];

function isPersonaKind(value: string): value is PersonaKind {
  return personaKinds.includes(value);
}
