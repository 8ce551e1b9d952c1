import { commandsFor, type CommandScope } from '../../core/commands.js';
import { t, type Locale, type MessageKey } from '../../core/i18n/index.js';
import type { Role } from '../../core/roles.js';
import { card, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { talkAction } from './talk-cards.js';
import { markdownText } from './plain-text.js';

export interface HelpCardView {
  locale: Locale;
  scope: CommandScope;
  roles: readonly Role[];
  /** When the person typed something the bot doesn't know, it is echoed back (trimmed). */
  unknownCommand?: string;
  /** Whether the school can take talk requests now: `talk` is listed (and a button shown) only then. */
  talkOffered?: boolean;
}

/** The order in which a person's roles are introduced: the most specific first. */
const introOrder: { role: Role; key: MessageKey }[] = [
  { role: 'dsl', key: 'card.help.intro.dsl' },
  { role: 'deputy_dsl', key: 'card.help.intro.dsl' },
  { role: 'wellbeing_lead', key: 'card.help.intro.wellbeing_lead' },
  { role: 'coordinator', key: 'card.help.intro.coordinator' },
  { role: 'admin', key: 'card.help.intro.admin' },
  { role: 'teacher', key: 'card.help.intro.teacher' },
  { role: 'ambassador', key: 'card.help.intro.ambassador' },
  { role: 'pupil', key: 'card.help.intro.pupil' },
];

export function buildHelpCard(view: HelpCardView): AdaptiveCard {
  const { locale } = view;
  const body: CardElement[] = [];
  if (view.unknownCommand !== undefined) {
    body.push(heading(t(locale, 'card.unknownCommand.title')));
    body.push(
      paragraph(
        t(locale, 'card.unknownCommand.body', { command: markdownText(view.unknownCommand, 40) }),
      ),
    );
  } else {
    body.push(heading(t(locale, 'card.help.title')));
  }
  const intros = [
    ...new Set(introOrder.filter((i) => view.roles.includes(i.role)).map((i) => i.key)),
  ];
  for (const key of intros.length ? intros : (['card.help.intro.other'] as const)) {
    body.push(paragraph(t(locale, key)));
  }
  const available = commandsFor(view.scope, view.roles).filter(
    (c) => c.name !== 'talk' || view.talkOffered,
  );
  body.push(
    paragraph(t(locale, 'card.help.commandsHeading'), { weight: 'Bolder', spacing: 'Medium' }),
  );
  body.push({
    type: 'FactSet',
    facts: available.map((c) => ({
      title: c.name,
      value: t(locale, `card.help.command.${c.name}`),
    })),
  });
  if (available.some((c) => c.name === 'talk') && view.scope === 'personal')
    body.push({ type: 'ActionSet', actions: [talkAction(locale, { source: 'chat' })] });
  body.push(paragraph(t(locale, 'card.help.tabHint'), { isSubtle: true, spacing: 'Medium' }));
  return card(locale, body);
}
