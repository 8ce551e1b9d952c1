import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useId } from 'react';
import type { RoleHolderView } from '../../../../core/api/roles.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { SchoolRole } from '../../../../core/roles.js';
import { holdersByRole, personName, roleName } from './roles-view.js';
import { useSchoolRolesStyles } from './SchoolRoles.styles.js';

/** Each role the admin gives: what it is for, who holds it, and a Remove button for each. */
export function RoleHolders(props: {
  locale: Locale;
  holders: readonly RoleHolderView[];
  busy: boolean;
  onRemove(holder: RoleHolderView, role: SchoolRole): void;
}) {
  const { locale, holders, busy, onRemove } = props;
  const styles = useSchoolRolesStyles();
  return (
    <ul className={styles.roles}>
      {holdersByRole(locale, holders).map((group) => (
        <li key={group.role}>
          <RoleGroup
            locale={locale}
            role={group.role}
            holders={group.holders}
            busy={busy}
            onRemove={onRemove}
          />
        </li>
      ))}
    </ul>
  );
}

function RoleGroup(props: {
  locale: Locale;
  role: SchoolRole;
  holders: RoleHolderView[];
  busy: boolean;
  onRemove(holder: RoleHolderView, role: SchoolRole): void;
}) {
  const { locale, role, holders, busy, onRemove } = props;
  const styles = useSchoolRolesStyles();
  const headingId = useId();
  const name = roleName(locale, role);
  return (
    <div className={styles.role}>
      <Subtitle2 as="h4" id={headingId} className={styles.heading}>
        {name}
      </Subtitle2>
      <Text size={200} className={styles.about}>
        {t(locale, `tab.roles.about.${role}`)}
      </Text>
      {holders.length === 0 ? (
        <Text className={styles.nobody}>{t(locale, 'tab.roles.nobody')}</Text>
      ) : (
        <ul className={styles.people} aria-labelledby={headingId}>
          {holders.map((holder) => {
            const who = personName(locale, holder);
            return (
              <li key={holder.userId} className={styles.person}>
                <Text className={styles.name}>{who}</Text>
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={t(locale, 'tab.roles.removeLabel', { name: who, role: name })}
                  onClick={() => onRemove(holder, role)}
                >
                  {t(locale, 'tab.roles.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
