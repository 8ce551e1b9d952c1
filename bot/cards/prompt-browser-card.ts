import {
  keyStages,
  promptText,
  promptThemes,
  type KeyStage,
  type Prompt,
  type PromptTheme,
} from '../../core/content/content.js';
import { t, type Locale } from '../../core/i18n/index.js';
import { connectVerbs } from './connect-verbs.js';
import {
  card,
  execute,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';

export interface PromptBrowserView {
  locale: Locale;
  /** Matching prompts, in library order. */
  prompts: readonly Prompt[];
  theme?: PromptTheme;
  keyStage?: KeyStage;
  /** Where "Post now" posts: the channel the teacher is in. */
  channelId: string;
}

/** How many prompts one card shows: enough to choose from, small enough to read. */
export const promptsPerCard = 6;

/** Browse the prompt library by theme and key stage; post one now or schedule it. */
export function buildPromptBrowserCard(view: PromptBrowserView): AdaptiveCard {
  const { locale } = view;
  const body: CardElement[] = [
    heading(t(locale, 'connect.card.prompts.title')),
    paragraph(t(locale, 'connect.card.prompts.intro')),
    {
      type: 'Input.ChoiceSet',
      id: 'theme',
      label: t(locale, 'connect.card.prompts.theme'),
      style: 'compact',
      value: view.theme ?? '',
      choices: [
        { title: t(locale, 'connect.card.prompts.anyTheme'), value: '' },
        ...promptThemes.map((th) => ({ title: t(locale, `connect.theme.${th}`), value: th })),
      ],
    },
    {
      type: 'Input.ChoiceSet',
      id: 'keyStage',
      label: t(locale, 'connect.card.prompts.keyStage'),
      style: 'compact',
      value: view.keyStage ?? '',
      choices: [
        { title: t(locale, 'connect.card.prompts.anyKeyStage'), value: '' },
        ...keyStages.map((k) => ({ title: k, value: k })),
      ],
    },
    {
      type: 'ActionSet',
      actions: [
        execute(t(locale, 'connect.card.prompts.filter'), connectVerbs.browsePrompts, {
          channelId: view.channelId,
        }),
      ],
    },
  ];
  const shown = view.prompts.slice(0, promptsPerCard);
  if (!shown.length) body.push(paragraph(t(locale, 'connect.card.prompts.none')));
  for (const prompt of shown) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(
          `${t(locale, `connect.theme.${prompt.theme}`)} · ${prompt.keyStages.join(', ')} · ${t(locale, 'connect.minutes', { count: prompt.minutes })}`,
          { isSubtle: true, size: 'Small' },
        ),
        paragraph(promptText(prompt, locale)),
        {
          type: 'ActionSet',
          actions: [
            execute(
              t(locale, 'connect.card.prompts.postNow'),
              connectVerbs.postPrompt,
              { promptId: prompt.id, channelId: view.channelId },
              { associatedInputs: 'none' },
            ),
            execute(
              t(locale, 'connect.card.prompts.schedule'),
              connectVerbs.scheduleForm,
              { promptId: prompt.id, channelId: view.channelId },
              { associatedInputs: 'none' },
            ),
          ],
        },
      ],
    });
  }
  if (view.prompts.length > shown.length) {
    body.push(
      paragraph(
        t(locale, 'connect.card.prompts.shown', {
          shown: shown.length,
          count: view.prompts.length,
        }),
        { isSubtle: true },
      ),
    );
  }
  return card(locale, body);
}
