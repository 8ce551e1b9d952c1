import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { ReadinessResponse } from '../../../../core/api/roles.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { readinessText } from './roles-view.js';
import { useSchoolRolesStyles } from './SchoolRoles.styles.js';

/**
 * Whether pupils can be offered "talk to a trusted adult": enough safeguarding adults Belong can
 * message, each of them with what to do, and how many more are needed.
 */
export function ReadinessPanel(props: {
  locale: Locale;
  readiness: ReadinessResponse;
  checking: boolean;
  onCheck(): void;
}) {
  const { locale, readiness, checking, onCheck } = props;
  const styles = useSchoolRolesStyles();
  const headingId = useId();
  const peopleId = useId();
  const text = readinessText(locale, readiness);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {t(locale, 'tab.roles.readiness.heading')}
      </Subtitle1>
      <MessageBar intent={readiness.ready ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.title}</MessageBarTitle>
          <div>{text.rule}</div>
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold" id={peopleId}>
        {t(locale, 'tab.roles.readiness.people')}
      </Text>
      {text.people.length === 0 ? (
        <Text>{t(locale, 'tab.roles.readiness.none')}</Text>
      ) : (
        <ul className={styles.readinessPeople} aria-labelledby={peopleId}>
          {text.people.map((person) => (
            <li key={person.userId}>
              <Text>{person.text}</Text>
            </li>
          ))}
        </ul>
      )}
      {text.assign && <Text weight="semibold">{text.assign}</Text>}
      <div className={styles.actions}>
        <Button onClick={onCheck} disabled={checking}>
          {t(locale, 'tab.roles.readiness.refresh')}
        </Button>
      </div>
    </section>
  );
}
