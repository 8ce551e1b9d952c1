import { promptText, type Prompt } from '../../core/content/content.js';
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
import { connectProblemText } from '../../core/schedule/problems.js';
import { schoolWeekdays } from '../../core/schedule/weekdays.js';

/** What the teacher typed last time, so a refused form comes back as they left it. */
export interface ScheduleFormValues {
  promptId?: string;
  channelId?: string;
  repeat?: 'once' | 'daily' | 'weekly';
  date?: string;
  end?: string;
  /** Comma-separated ISO weekdays, as a multi-select sends them ("1,3"). */
  weekdays?: string;
  time?: string;
}

export interface ScheduleFormView {
  locale: Locale;
  prompts: readonly Prompt[];
  channels: readonly Channel[];
  today: string;
  values: ScheduleFormValues;
  /** Problem codes from the last attempt (`connect.problem.*`). */
  problems?: readonly string[];
}

const shorten = (text: string, max = 90) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The schedule form: what, which channel, when, how often. */
export function buildScheduleFormCard(view: ScheduleFormView): AdaptiveCard {
  const { locale, values } = view;
  const body: CardElement[] = [heading(t(locale, 'connect.card.schedule.title'))];
  if (view.problems?.length) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [
        paragraph(t(locale, 'connect.card.schedule.problems'), { weight: 'Bolder' }),
        ...view.problems.map((p) => paragraph(`• ${connectProblemText(locale, p)}`)),
      ],
    });
  }
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'promptId',
      label: t(locale, 'connect.card.schedule.prompt'),
      isRequired: true,
      errorMessage: t(locale, 'connect.problem.promptUnknown'),
      style: 'compact',
      wrap: true,
      value: values.promptId ?? view.prompts[0]?.id ?? '',
      choices: view.prompts.map((p) => ({ title: shorten(promptText(p, locale)), value: p.id })),
    },
    channelInput(locale, view.channels, values.channelId),
    {
      type: 'Input.ChoiceSet',
      id: 'repeat',
      label: t(locale, 'connect.card.schedule.repeat'),
      style: 'expanded',
      value: values.repeat ?? 'once',
      choices: (['once', 'daily', 'weekly'] as const).map((r) => ({
        title: t(locale, `connect.repeat.${r}`),
        value: r,
      })),
    },
    {
      type: 'Input.Date',
      id: 'date',
      label: t(locale, 'connect.card.schedule.date'),
      isRequired: true,
      errorMessage: t(locale, 'connect.problem.dateInvalid'),
      min: view.today,
      value: values.date ?? view.today,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'weekdays',
      label: t(locale, 'connect.card.schedule.weekdays'),
      style: 'expanded',
      isMultiSelect: true,
      ...(values.weekdays ? { value: values.weekdays } : {}),
      choices: schoolWeekdays.map((d) => ({
        title: t(locale, `connect.weekday.${d}`),
        value: String(d),
      })),
    },
    {
      type: 'Input.Date',
      id: 'end',
      label: t(locale, 'connect.card.schedule.end'),
      min: view.today,
      ...(values.end ? { value: values.end } : {}),
    },
    timeInput(locale, values.time),
  );
  return card(locale, body, {
    actions: [
      execute(
        t(locale, 'connect.card.schedule.submit'),
        connectVerbs.createSchedule,
        {},
        {
          style: 'positive',
        },
      ),
    ],
  });
}
