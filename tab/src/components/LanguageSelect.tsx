import { Select } from '@fluentui/react-components';
import { locales, t, type Locale } from '../../../core/i18n/index.js';

export interface LanguageSelectProps {
  /** The reader's language, for the labels. */
  locale: Locale;
  /** The language chosen for what is being written (a post, a card, reminders). */
  value: Locale;
  onChange(next: Locale): void;
  className?: string;
}

/** The language something goes out in: each language named in itself, marked with its `lang`. */
export function LanguageSelect({ locale, value, onChange, className }: LanguageSelectProps) {
  return (
    <Select
      {...(className ? { className } : {})}
      value={value}
      onChange={(_e, data) => onChange(locales.find((l) => l === data.value) ?? value)}
    >
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(locale, `tab.connect.language.${l}`)}
        </option>
      ))}
    </Select>
  );
}
