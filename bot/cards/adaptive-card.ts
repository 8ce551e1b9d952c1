/**
 * The subset of Adaptive Cards 1.5 that Belong builds. Teams renders up to 1.5; every builder's
 * output is checked against ../shared/schemas/adaptive-card-1.5.json in tests.
 */
import type { Locale } from '../../core/i18n/index.js';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  style?: 'default' | 'heading';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
}

export type CardElement = TextBlock | FactSet | Container;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: Record<string, unknown>;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  lang: string;
  body: CardElement[];
  actions?: ExecuteAction[];
  refresh?: { action: ExecuteAction; userIds?: string[] };
}

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

export function card(
  locale: Locale,
  body: CardElement[],
  extra: Partial<AdaptiveCard> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: locale === 'cy' ? 'cy' : 'en-GB',
    body,
    ...extra,
  };
}

export const heading = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  size: 'Large',
  weight: 'Bolder',
  style: 'heading',
});

export const paragraph = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});
