import { MessageBar, MessageBarBody, Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import type { MeResponse } from '../../../../core/api.js';
import type { RoleHolderView } from '../../../../core/api/roles.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { SchoolRole } from '../../../../core/roles.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { AddPerson } from './AddPerson.js';
import { ChangeOutcome } from './ChangeOutcome.js';
import { ReadinessPanel } from './ReadinessPanel.js';
import { RoleHolders } from './RoleHolders.js';
import { useSchoolRolesStyles } from './SchoolRoles.styles.js';
import { useSchoolRoles } from './useSchoolRoles.js';

export interface SchoolRolesProps {
  client: ApiClient;
  locale: Locale;
  me: Pick<MeResponse, 'roles'>;
}

/** The admin's school roles: whether talk requests can be offered, who holds what, and changes. */
export default function SchoolRoles({ client, locale, me }: SchoolRolesProps) {
  if (!me.roles.includes('admin')) {
    // The server refuses everyone else too; this just says so before asking.
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t(locale, 'tab.roles.forAdmins')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <RolesPage client={client} locale={locale} />;
}

function RolesPage({ client, locale }: { client: ApiClient; locale: Locale }) {
  const styles = useSchoolRolesStyles();
  const roles = useSchoolRoles(client.roles);
  const { state, change } = roles;
  const holdersId = useId();
  const listsOutcome = useRef<HTMLDivElement>(null);

  if (state.kind === 'loading') return <Loading label={t(locale, 'tab.roles.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={roles.retry} />;

  const remove = async (holder: RoleHolderView, role: SchoolRole) => {
    await roles.setRoles(
      'lists',
      holder.userId,
      holder.roles.filter((r) => r !== role),
    );
    // The button pressed may be gone: what happened is where focus goes.
    listsOutcome.current?.focus();
  };
  const save = async (userId: string, chosen: SchoolRole[]) =>
    (await roles.setRoles('add', userId, chosen)) ? [...chosen].sort() : undefined;

  return (
    <div className={styles.page}>
      <div className={styles.section}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.roles.heading')}
        </Title2>
        <Text>{t(locale, 'tab.roles.intro')}</Text>
      </div>
      <ReadinessPanel
        locale={locale}
        readiness={state.readiness}
        checking={roles.checking}
        onCheck={() => void roles.checkReadiness()}
      />
      <section className={styles.section} aria-labelledby={holdersId}>
        <Subtitle1 as="h3" id={holdersId} className={styles.heading}>
          {t(locale, 'tab.roles.holdersHeading')}
        </Subtitle1>
        <ChangeOutcome ref={listsOutcome} locale={locale} change={change} from="lists" />
        <RoleHolders
          locale={locale}
          holders={state.holders}
          busy={change.kind === 'saving'}
          onRemove={(holder, role) => void remove(holder, role)}
        />
      </section>
      <AddPerson client={client} locale={locale} change={change} onSave={save} />
    </div>
  );
}
