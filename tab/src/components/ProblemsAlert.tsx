import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { t, type Locale } from '../../../core/i18n/index.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The problems with what someone sent, one per line, in their language. The alert region is
 * always in the page, so screen readers announce problems as they appear.
 */
export function ProblemsAlert({
  locale,
  problems,
}: {
  locale: Locale;
  problems: readonly string[] | undefined;
}) {
  const styles = useStyles();
  return (
    <div role="alert">
      {problems && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(locale, 'tab.connect.problems')}</MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
