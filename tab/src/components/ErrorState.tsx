import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { t, type Locale } from '../../../core/i18n/index.js';
import { errorMessageKey } from '../api/error-message.js';

export function ErrorState(props: { locale: Locale; error: unknown; onRetry?: () => void }) {
  const { locale, error, onRetry } = props;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(locale, 'tab.error.title')}</MessageBarTitle>{' '}
        {t(locale, errorMessageKey(error))}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="primary" onClick={onRetry}>
            {t(locale, 'tab.error.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
