import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { ErrorState } from '../../components/ErrorState.js';
import { rotaProblems } from './rota-problems.js';
import { useRotaStyles } from './Rota.styles.js';

/**
 * Why the rota said no, in the reader's language; any other failure as the usual error. The
 * alert region is always in the page, so screen readers announce what appears in it. A form
 * whose refusals need their own words passes them as `problems`.
 */
export function RotaAlert(props: { locale: Locale; error: unknown; problems?: string[] }) {
  const { locale, error } = props;
  const styles = useRotaStyles();
  const problems =
    props.problems ?? (error === undefined ? undefined : rotaProblems(error, locale));
  return (
    <div role="alert">
      {problems ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(locale, 'tab.rota.problems')}</MessageBarTitle>
            <ul className={styles.bullets}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        error !== undefined && <ErrorState locale={locale} error={error} />
      )}
    </div>
  );
}
