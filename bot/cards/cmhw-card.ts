import { phases, type CmhwWeek, type Phase } from '../../core/content/content.js';
import { markdownText } from './plain-text.js';
import { t, type Locale } from '../../core/i18n/index.js';
import type { Channel } from '../../core/school.js';
import { channelInput, timeInput } from './connect-inputs.js';
import { connectVerbs } from './connect-verbs.js';
import {
  card,
  execute,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { formatDay } from './format.js';
import { maxCmhwThemeLength } from '../../core/content/cmhw-plan.js';
import { addDays } from '../../core/dates.js';
import { connectProblemText } from '../../core/schedule/problems.js';

export interface CmhwCardView {
  locale: Locale;
  /** The next week a class can run: Place2Be's, or a year not published yet on its likely dates. */
  week: CmhwWeek | undefined;
  channels: readonly Channel[];
  values?: { channelId?: string; time?: string; phase?: Phase; theme?: string };
  problems?: readonly string[];
}

/** "Run CMHW week in this class": the week, a channel, a time and an age group. */
export function buildCmhwCard(view: CmhwCardView): AdaptiveCard {
  const { locale, week, values = {} } = view;
  if (!week) {
    return card(locale, [
      heading(t(locale, 'connect.repeat.cmhw')),
      paragraph(t(locale, 'connect.card.cmhw.unknown')),
    ]);
  }
  const body: CardElement[] = [
    heading(
      t(locale, 'connect.card.cmhw.title', {
        year: week.year,
        theme: markdownText(week.theme[locale]),
      }),
    ),
    paragraph(
      t(locale, 'connect.card.cmhw.intro', {
        start: formatDay(locale, week.startDate),
        end: formatDay(locale, addDays(week.startDate, 4)),
      }),
    ),
    // A year Place2Be has not published: say so, and let the school name its own theme.
    ...(week.provisional
      ? [paragraph(t(locale, 'connect.card.cmhw.provisional', { year: week.year }))]
      : []),
  ];
  if (view.problems?.length) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: view.problems.map((p) => paragraph(connectProblemText(locale, p))),
    });
  }
  body.push(
    channelInput(locale, view.channels, values.channelId),
    {
      type: 'Input.ChoiceSet',
      id: 'phase',
      label: t(locale, 'connect.card.cmhw.phase'),
      style: 'expanded',
      value: values.phase ?? 'secondary',
      choices: phases.map((p) => ({ title: t(locale, `connect.phase.${p}`), value: p })),
    },
    timeInput(locale, values.time),
    ...(week.provisional
      ? [
          {
            type: 'Input.Text' as const,
            id: 'theme',
            label: t(locale, 'connect.card.cmhw.theme'),
            placeholder: t(locale, 'connect.card.cmhw.themeHint'),
            maxLength: maxCmhwThemeLength,
            ...(values.theme ? { value: values.theme } : {}),
          },
        ]
      : []),
  );
  return card(locale, body, {
    actions: [
      execute(
        t(locale, 'connect.card.cmhw.submit'),
        connectVerbs.runCmhw,
        { year: week.year },
        {
          style: 'positive',
        },
      ),
    ],
  });
}
