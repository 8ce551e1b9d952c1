import type { Locale } from '../../core/i18n/index.js';
import {
  card,
  heading,
  paragraph,
  type AdaptiveCard,
  type ExecuteAction,
} from './adaptive-card.js';

/** A title and a few short lines: confirmations and polite refusals. */
export function buildMessageCard(view: {
  locale: Locale;
  title: string;
  lines: string[];
  actions?: ExecuteAction[];
}): AdaptiveCard {
  return card(
    view.locale,
    [heading(view.title), ...view.lines.map((l) => paragraph(l))],
    view.actions?.length ? { actions: view.actions } : {},
  );
}
