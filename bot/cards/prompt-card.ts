import type { CmhwWeek, Prompt } from '../../core/content/content.js';
import { markdownText } from './plain-text.js';
import { promptText } from '../../core/content/content.js';
import { t, type Locale } from '../../core/i18n/index.js';
import type { DeliveryContent } from '../../core/delivery/delivery.js';
import {
  card,
  cardContent,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';

export interface PromptCardView {
  locale: Locale;
  prompt: Prompt;
  /** When the post is a day of a Children's Mental Health Week programme. */
  cmhw?: { week: CmhwWeek; day: number };
}

/**
 * A connection prompt as posted into a class channel: a new thread the class replies to. The
 * prompt itself is the biggest thing on the card, and one line says what to do.
 */
export function buildPromptCard(view: PromptCardView): AdaptiveCard {
  const { locale, prompt, cmhw } = view;
  const body: CardElement[] = [];
  if (cmhw) {
    body.push(
      paragraph(
        t(locale, 'connect.post.cmhwDay', {
          year: cmhw.week.year,
          day: cmhw.day,
          // A school's own theme is its words: shown as text, never as Markdown.
          theme: markdownText(cmhw.week.theme[locale]),
        }),
        { weight: 'Bolder', isSubtle: true, size: 'Small' },
      ),
    );
  }
  body.push(
    paragraph(
      `${t(locale, `connect.theme.${prompt.theme}`)} · ${t(locale, `connect.format.${prompt.format}`)} · ${t(locale, 'connect.minutes', { count: prompt.minutes })}`,
      { isSubtle: true, size: 'Small', spacing: cmhw ? 'Small' : 'None' },
    ),
  );
  body.push(paragraph(promptText(prompt, locale), { size: 'Large', weight: 'Bolder' }));
  body.push(paragraph(t(locale, 'connect.post.replyHint'), { spacing: 'Medium' }));
  return card(locale, body);
}

/** The activity a prompt post sends: the card alone, as a new thread. */
export function promptPostContent(view: PromptCardView): DeliveryContent {
  return cardContent(buildPromptCard(view));
}
