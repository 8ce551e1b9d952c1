import { t, type Locale } from '../../core/i18n/index.js';
import type { Channel } from '../../core/school.js';
import type { ChoiceSetInput, TimeInput } from './adaptive-card.js';
import { cleanText } from './plain-text.js';

/** Which channel of the class team to post in; the first one unless a value is given. */
export function channelInput(
  locale: Locale,
  channels: readonly Channel[],
  value: string | undefined,
): ChoiceSetInput {
  return {
    type: 'Input.ChoiceSet',
    id: 'channelId',
    label: t(locale, 'connect.card.schedule.channel'),
    isRequired: true,
    errorMessage: t(locale, 'connect.problem.channelUnknown'),
    style: 'compact',
    value: value ?? channels[0]?.id ?? '',
    choices: channels.map((c) => ({ title: cleanText(c.name, 100), value: c.id })),
  };
}

/** The school-local time to post at; 08:50 unless a value is given. */
export function timeInput(locale: Locale, value: string | undefined): TimeInput {
  return {
    type: 'Input.Time',
    id: 'time',
    label: t(locale, 'connect.card.schedule.time'),
    isRequired: true,
    errorMessage: t(locale, 'connect.problem.timeFormat'),
    value: value ?? '08:50',
  };
}
