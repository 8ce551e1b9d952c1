import { Caption1Strong } from '@fluentui/react-components';
import { useId } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { CandidateChoices } from './candidates.js';
import { useRotaStyles } from './Rota.styles.js';

/** The ambassadors who cannot take a duty, each with why: beside the choice of who can. */
export function CannotTake(props: { locale: Locale; cannot: CandidateChoices['cannot'] }) {
  const { locale, cannot } = props;
  const styles = useRotaStyles();
  const headingId = useId();
  if (cannot.length === 0) return null;
  return (
    <div>
      <Caption1Strong id={headingId}>{t(locale, 'tab.rota.cannot.heading')}</Caption1Strong>
      <ul className={styles.bullets} aria-labelledby={headingId}>
        {cannot.map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ul>
    </div>
  );
}
