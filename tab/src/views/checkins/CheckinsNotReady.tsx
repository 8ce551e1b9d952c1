import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';

/**
 * Why no check-in can be posted yet and what to do: the school cannot take talk requests (two
 * safeguarding adults Belong can message), and a check-in must not ask children how they feel
 * before then. The same words as the bot's `checkin` card.
 */
export function CheckinsNotReady({ locale }: { locale: Locale }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(locale, 'checkin.form.notReady.title')}</MessageBarTitle>
        <div>{t(locale, 'checkin.form.notReady.body')}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
