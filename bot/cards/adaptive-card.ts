/**
 * The subset of Adaptive Cards 1.5 that Belong builds. Teams renders up to 1.5; every builder's
 * output is checked against ../shared/schemas/adaptive-card-1.5.json in tests.
 */
import type { DeliveryContent } from '../../core/delivery/delivery.js';
import type { Locale } from '../../core/i18n/index.js';
import { cleanText } from './plain-text.js';

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

export interface Choice {
  title: string;
  value: string;
}

interface InputBase {
  id: string;
  /** Every input has a visible label (screen readers and pupils need one). */
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  value?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  wrap?: boolean;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  value?: string;
  min?: string;
  max?: string;
}

export interface TimeInput extends InputBase {
  type: 'Input.Time';
  value?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
}

/** Text shown exactly as written: a TextRun is never read as markdown (no links, no bold). */
export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: { type: 'TextRun'; text: string }[];
}

export interface ActionSet {
  type: 'ActionSet';
  actions: ExecuteAction[];
}

export type CardElement =
  | TextBlock
  | RichTextBlock
  | FactSet
  | Container
  | ChoiceSetInput
  | DateInput
  | TimeInput
  | TextInput
  | ActionSet;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
  /** Which inputs to validate and send: 'none' for buttons that don't submit the form. */
  associatedInputs?: 'auto' | 'none';
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
    // ISO 639-1, as the schema asks: a region ("en-GB") is rejected by the renderer.
    lang: locale === 'cy' ? 'cy' : 'en',
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

export const execute = (
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  extra: Partial<ExecuteAction> = {},
): ExecuteAction => ({ type: 'Action.Execute', title, verb, data, ...extra });

export const paragraph = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/**
 * Someone's own words (a note), shown as plain text whatever characters it holds: a TextRun is
 * never read as Markdown; what cannot be seen (direction overrides, zero-width) is taken out.
 */
export const plainText = (text: string): RichTextBlock => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text: cleanText(text, 4000, { lines: true }) }],
});

/** A card as what the outbox posts: one Adaptive Card attachment. */
export const cardContent = (c: AdaptiveCard): DeliveryContent => ({
  attachments: [{ contentType: adaptiveCardContentType, content: { ...c } }],
});
