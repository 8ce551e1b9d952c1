import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useId, type FormEvent } from 'react';
import { assignableRoles } from '../../../../core/api/roles.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { SchoolRole } from '../../../../core/roles.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ChangeOutcome } from './ChangeOutcome.js';
import { roleName, roleNames } from './roles-view.js';
import { useSchoolRolesStyles } from './SchoolRoles.styles.js';
import { usePeopleSearch } from './usePeopleSearch.js';
import type { ChangeState } from './useSchoolRoles.js';

/** Find someone in the directory, pick them, tick their roles, save. */
export function AddPerson(props: {
  client: ApiClient;
  locale: Locale;
  change: ChangeState;
  onSave(userId: string, roles: SchoolRole[]): Promise<SchoolRole[] | undefined>;
}) {
  const { client, locale, change, onSave } = props;
  const styles = useSchoolRolesStyles();
  const people = usePeopleSearch(client);
  const { search, picked } = people;
  const headingId = useId();
  const rolesId = useId();
  const saving = change.kind === 'saving';

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    void people.run();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    const now = await onSave(picked.userId, people.roles);
    if (now) people.saved(picked.userId, now);
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {t(locale, 'tab.roles.add.heading')}
      </Subtitle1>
      <form className={styles.searchForm} onSubmit={onSearch} role="search" noValidate>
        <Field
          label={t(locale, 'tab.roles.add.search')}
          hint={t(locale, 'tab.roles.add.searchHint')}
          validationState={search.kind === 'invalid' ? 'error' : 'none'}
          validationMessage={
            search.kind === 'invalid' ? t(locale, 'tab.roles.problem.search') : undefined
          }
        >
          <Input value={people.query} onChange={(_e, data) => people.setQuery(data.value)} />
        </Field>
        <Button type="submit" disabled={search.kind === 'searching'}>
          {t(locale, 'tab.roles.add.searchButton')}
        </Button>
      </form>
      <div role="status">
        {search.kind === 'searching' && <Text>{t(locale, 'tab.roles.add.searching')}</Text>}
        {search.kind === 'found' && search.people.length === 0 && (
          <Text>{t(locale, 'tab.roles.add.none')}</Text>
        )}
      </div>
      {search.kind === 'failed' && <ErrorState locale={locale} error={search.error} />}
      {search.kind === 'found' && search.people.length > 0 && (
        <Field label={t(locale, 'tab.roles.add.results')}>
          <RadioGroup value={picked?.userId ?? ''} onChange={(_e, data) => people.pick(data.value)}>
            {search.people.map((person) => (
              <Radio
                key={person.userId}
                value={person.userId}
                label={
                  <>
                    {person.displayName}
                    <br />
                    <span className={styles.hint}>
                      {person.roles.length
                        ? t(locale, 'tab.roles.add.holds', {
                            roles: roleNames(locale, person.roles),
                          })
                        : t(locale, 'tab.roles.add.holdsNone')}
                    </span>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {picked && (
        <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
          <fieldset className={styles.fieldset} aria-describedby={rolesId}>
            <legend className={styles.legend}>
              {t(locale, 'tab.roles.add.choose', { name: picked.displayName })}
            </legend>
            <Text id={rolesId} className={styles.hint}>
              {t(locale, 'tab.roles.add.chooseHint')}
            </Text>
            {assignableRoles.map((role) => (
              <Checkbox
                key={role}
                label={roleName(locale, role)}
                checked={people.roles.includes(role)}
                onChange={(_e, data) => people.toggle(role, data.checked === true)}
              />
            ))}
          </fieldset>
          <ChangeOutcome locale={locale} change={change} from="add" />
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={saving}>
              {saving && change.from === 'add'
                ? t(locale, 'tab.roles.add.saving')
                : t(locale, 'tab.roles.add.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
