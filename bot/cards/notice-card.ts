import { t, type Locale } from '../../core/i18n/index.js';
import { card, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

export type NoticeKind = 'unknownAction' | 'error';

/** A short, friendly card for things that went wrong; it always says that nothing changed. */
export function buildNoticeCard(view: { locale: Locale; kind: NoticeKind }): AdaptiveCard {
  const { locale, kind } = view;
  return card(locale, [
    heading(t(locale, `card.${kind}.title`)),
    paragraph(t(locale, `card.${kind}.body`)),
  ]);
}
