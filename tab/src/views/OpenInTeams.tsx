import { Text, Title2 } from '@fluentui/react-components';
import { t, type Locale } from '../../../core/i18n/index.js';

/** Production outside Teams: there is no way to sign in here. */
export default function OpenInTeams({ locale }: { locale: Locale }) {
  return (
    <>
      <Title2 as="h2">{t(locale, 'tab.openInTeams.heading')}</Title2>
      <Text as="p">{t(locale, 'tab.openInTeams.body')}</Text>
    </>
  );
}
