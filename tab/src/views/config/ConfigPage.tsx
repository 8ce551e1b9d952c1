import { MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { useConfigPage } from './useConfigPage.js';

/** The configurable tab's configuration page (/tab/config). */
export default function ConfigPage({ inTeams, locale }: { inTeams: boolean; locale: Locale }) {
  const { saveFailed } = useConfigPage(inTeams, locale);
  return (
    <>
      <Title2 as="h2">{t(locale, 'tab.config.heading')}</Title2>
      <Text as="p">{t(locale, inTeams ? 'tab.config.inTeams' : 'tab.config.outside')}</Text>
      {saveFailed && (
        <MessageBar intent="error">
          <MessageBarBody>{t(locale, 'tab.config.failed')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
