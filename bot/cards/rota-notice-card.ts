import type { DeliveryContent } from '../../core/delivery/delivery.js';
import { t, type Locale } from '../../core/i18n/index.js';
import type { NoticeAudience, RotaNoticeEvent } from '../../core/rota/rota-notices.js';
import type { SwapKind } from '../../core/rota/rota-store.js';
import { card, cardContent, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';
import { dutyInWords, type DutyText } from './rota-format.js';
import { markdownText } from './plain-text.js';

export interface RotaNoticeView {
  locale: Locale;
  event: RotaNoticeEvent;
  audience: NoticeAudience;
  kind: SwapKind;
  /** The requester's duty. */
  duty: DutyText;
  /** For a swap: the acceptor's duty the requester takes in return. */
  inReturn?: DutyText;
  /** Names, when known; otherwise the card says "another ambassador". */
  requesterName?: string;
  acceptorName?: string;
}

const nameOr = (name: string | undefined, someone: string) =>
  name === undefined ? someone : markdownText(name, 100);

/** A short personal message when a swap or cover request is accepted, approved or declined. */
export function buildRotaNoticeCard(view: RotaNoticeView): AdaptiveCard {
  const { locale, event, audience } = view;
  const someone = t(locale, 'rotaNotify.someone');
  const vars = {
    kind: t(locale, `rotaNotify.kind.${view.kind}`),
    duty: dutyInWords(locale, view.duty),
    inReturn: view.inReturn ? dutyInWords(locale, view.inReturn) : '',
    requester: nameOr(view.requesterName, someone),
    // The other person, as this reader sees it.
    who: nameOr(audience === 'acceptor' ? view.requesterName : view.acceptorName, someone),
  };
  const title =
    audience === 'coordinator'
      ? t(locale, 'rotaNotify.notice.accepted.coordinatorTitle', vars)
      : t(locale, `rotaNotify.notice.${event}.title`);
  const lines: string[] = [];
  if (audience === 'coordinator')
    lines.push(t(locale, 'rotaNotify.notice.accepted.coordinator', vars));
  else lines.push(t(locale, `rotaNotify.notice.${event}.${audience}`, vars));
  if (event === 'approved' && view.inReturn && audience !== 'coordinator')
    lines.push(t(locale, `rotaNotify.notice.approved.${audience}Swap`, vars));
  return card(locale, [heading(title), ...lines.map((l) => paragraph(l))]);
}

export function rotaNoticeContent(view: RotaNoticeView): DeliveryContent {
  return cardContent(buildRotaNoticeCard(view));
}
