import { Button, Title1 } from '@fluentui/react-components';
import { t, type Locale } from '../../../core/i18n/index.js';
import { otherLocale } from '../i18n/locale.js';
import { useAppHeaderStyles } from './AppHeader.styles.js';

export interface AppHeaderProps {
  locale: Locale;
  onLocaleChange(next: Locale): void;
  /** Only in local mode once someone is signed in. */
  onSwitchPerson?: (() => void) | undefined;
  /** Where the signed-in view puts its section links (a portal target below the title bar). */
  navSlotRef?: ((element: HTMLDivElement | null) => void) | undefined;
}

export function AppHeader({ locale, onLocaleChange, onSwitchPerson, navSlotRef }: AppHeaderProps) {
  const styles = useAppHeaderStyles();
  const other = otherLocale(locale);
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Title1 as="h1" className={styles.title}>
          {t(locale, 'tab.title')}
        </Title1>
        <div className={styles.actions}>
          {/* The button names the other language in that language, as Welsh public sites do. */}
          <Button appearance="subtle" lang={other} onClick={() => onLocaleChange(other)}>
            {t(locale, 'tab.language.other')}
          </Button>
          {onSwitchPerson && (
            <Button appearance="secondary" onClick={onSwitchPerson}>
              {t(locale, 'tab.switchPerson')}
            </Button>
          )}
        </div>
      </div>
      <div ref={navSlotRef} className={styles.navSlot} />
    </header>
  );
}
