import { checkinTemplateIds, type CheckinTemplateId } from '../../core/checkin/templates.js';
import { phases, type Phase } from '../../core/content/content.js';
import { t, type Locale } from '../../core/i18n/index.js';
import type { Channel } from '../../core/school.js';
import { card, execute, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';
import { checkinVerbs } from './checkin-card.js';
import { channelInput } from './connect-inputs.js';

export interface CheckinFormValues {
  templateId?: CheckinTemplateId;
  phase?: Phase;
  channelId?: string;
}

/**
 * The teacher's `checkin` card: which check-in, whose words, which channel, and "Post now".
 * Refused input comes back on this card with the reason on top. While the school cannot take
 * talk requests (`notReady`), it says why check-ins have not started and what to do, and offers
 * nothing to post.
 */
export function buildCheckinFormCard(view: {
  locale: Locale;
  channels: readonly Channel[];
  values?: CheckinFormValues;
  problem?: string;
  notReady?: boolean;
}): AdaptiveCard {
  const { locale, values = {} } = view;
  if (view.notReady)
    return card(locale, [
      heading(t(locale, 'checkin.form.notReady.title')),
      paragraph(t(locale, 'checkin.form.notReady.body')),
    ]);
  return card(locale, [
    heading(t(locale, 'checkin.form.title')),
    ...(view.problem ? [paragraph(view.problem, { weight: 'Bolder' as const })] : []),
    paragraph(t(locale, 'checkin.form.intro')),
    {
      type: 'Input.ChoiceSet',
      id: 'templateId',
      label: t(locale, 'checkin.form.template'),
      isRequired: true,
      errorMessage: t(locale, 'checkin.form.chooseTemplate'),
      style: 'expanded',
      wrap: true,
      value: values.templateId ?? 'daily-mood',
      choices: checkinTemplateIds.map((id) => ({
        title: `${t(locale, `checkin.template.${id}`)} — ${t(locale, `checkin.template.${id}.about`)}`,
        value: id,
      })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'phase',
      label: t(locale, 'checkin.form.phase'),
      isRequired: true,
      errorMessage: t(locale, 'checkin.form.choosePhase'),
      style: 'expanded',
      ...(values.phase ? { value: values.phase } : {}),
      choices: phases.map((p) => ({ title: t(locale, `checkin.form.phase.${p}`), value: p })),
    },
    channelInput(locale, view.channels, values.channelId),
    {
      type: 'ActionSet',
      actions: [
        execute(t(locale, 'checkin.form.post'), checkinVerbs.post, {}, { style: 'positive' }),
      ],
    },
  ]);
}
