/**
 * Talk requests in the bot (issue 17): `talk` (and phrases like "I want to talk to someone") in a
 * personal chat, the talk button on check-in cards, and the safeguarding team's card actions.
 * Everything goes through TalkService; this file reads the activity and picks the card.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isBelongError } from '../core/errors.js';
import type { Locale } from '../core/i18n/index.js';
import type { Logger } from '../core/ports/logger.js';
import { referralTargets, talkSources, talkUrgencies } from '../core/support/talk.js';
import type { StaffAction, TalkService } from '../core/support/talk-service.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import { buildNoticeCard } from './cards/notice-card.js';
import {
  buildTalkAskCard,
  buildTalkNoticeCard,
  buildTalkStateCard,
  type TalkPanel,
} from './cards/talk-cards.js';
import { buildTalkStaffCard, type StaffProblem } from './cards/talk-staff-card.js';
import { talkInputs, talkVerbs, type TalkVerb } from './cards/talk-verbs.js';
import { buildMessageCard } from './cards/message-card.js';
import { t } from '../core/i18n/index.js';
import { scopeOf, tenantOf } from './scope.js';

type Handler = (
  context: TurnContext,
  data: Record<string, unknown>,
  locale: Locale,
) => Promise<AdaptiveCard>;

/** A check-in card for this pupil with the given talk panel (CheckinActions builds it). */
export type CheckinCardWith = (
  context: TurnContext,
  checkinId: string,
  locale: Locale,
  panel: TalkPanel,
) => Promise<AdaptiveCard>;

const id = z.string().min(1).max(100);
const origin = z.looseObject({
  source: z.enum(talkSources).default('chat'),
  checkinId: id.optional(),
});
const sendData = origin.extend({
  [talkInputs.urgency]: z.union([z.enum(talkUrgencies), z.literal('')]).optional(),
});
const requestData = z.looseObject({ requestId: id });
const noteData = requestData.extend({ [talkInputs.note]: z.string().max(5_000).default('') });
const referData = requestData.extend({
  // Absent or empty: "Record referral" pressed before choosing, which the card says.
  [talkInputs.referral]: z.union([z.enum(referralTargets), z.literal('')]).optional(),
});

export class TalkActions {
  constructor(
    private readonly deps: { talk: TalkService; log: Logger },
    private readonly checkinCard: CheckinCardWith,
  ) {}

  /** `talk` typed (or said) to the bot. In a channel, only a button: everyone can see replies. */
  async command(context: TurnContext, locale: Locale): Promise<AdaptiveCard> {
    if (scopeOf(context.activity) !== 'personal') return buildTalkNoticeCard(locale, 'channel');
    return this.#pupilCard(context, locale, { source: 'chat' });
  }

  /** Whether the talk action may be offered to this person now (the help card asks). */
  async offered(tenantId: string): Promise<boolean> {
    return (await this.deps.talk.readiness(tenantId)).ready;
  }

  handlers(): [TalkVerb, Handler][] {
    return [
      [talkVerbs.talkStart, (c, d, l) => this.#start(c, d, l)],
      [talkVerbs.talkView, (c, _d, l) => this.#pupilCard(c, l, { source: 'chat' })],
      [talkVerbs.talkSend, (c, d, l) => this.#send(c, d, l)],
      [talkVerbs.talkNotNow, (c, d, l) => this.#notNow(c, d, l)],
      [talkVerbs.staffView, (c, d, l) => this.#staff(c, d, l, undefined)],
      [
        talkVerbs.talkAcknowledge,
        (c, d, l) => this.#staff(c, d, l, () => ({ kind: 'acknowledge' })),
      ],
      [talkVerbs.talkResolve, (c, d, l) => this.#staff(c, d, l, () => ({ kind: 'resolve' }))],
      [
        talkVerbs.talkNote,
        (c, d, l) =>
          this.#staff(c, d, l, () => {
            const parsed = noteData.safeParse(d);
            return parsed.success
              ? { kind: 'note', text: parsed.data[talkInputs.note] }
              : undefined;
          }),
      ],
      [
        talkVerbs.talkRefer,
        (c, d, l) =>
          this.#staff(c, d, l, () => {
            const parsed = referData.safeParse(d);
            if (!parsed.success) return undefined;
            const to = parsed.data[talkInputs.referral];
            return to ? { kind: 'refer', to } : 'referral';
          }),
      ],
    ];
  }

  async #start(context: TurnContext, raw: Record<string, unknown>, locale: Locale) {
    const parsed = origin.safeParse(raw);
    if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
    const { checkinId, source } = parsed.data;
    if (checkinId) {
      const panel = await this.#panel(context, 'ask');
      return this.checkinCard(context, checkinId, locale, panel);
    }
    return this.#pupilCard(context, locale, { source });
  }

  async #notNow(context: TurnContext, raw: Record<string, unknown>, locale: Locale) {
    const parsed = origin.safeParse(raw);
    if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
    if (parsed.data.checkinId)
      return this.checkinCard(
        context,
        parsed.data.checkinId,
        locale,
        await this.#panel(context, 'offer'),
      );
    return buildTalkNoticeCard(locale, 'notNow');
  }

  async #send(context: TurnContext, raw: Record<string, unknown>, locale: Locale) {
    const parsed = sendData.safeParse(raw);
    const from = context.activity.from;
    if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
    if (!from?.aadObjectId) return buildTalkNoticeCard(locale, 'notPupil');
    const urgency = parsed.data[talkInputs.urgency] || undefined;
    const outcome = await this.deps.talk.ask(
      tenantOf(context.activity),
      { userId: from.aadObjectId, teamsId: from.id },
      { source: parsed.data.source, locale, ...(urgency ? { urgency } : {}) },
    );
    if (outcome.kind === 'notPupil') return buildTalkNoticeCard(locale, 'notPupil');
    const panel: TalkPanel =
      outcome.kind === 'unavailable'
        ? { kind: 'unavailable' }
        : {
            kind: 'state',
            state: outcome.state === 'none' ? 'sent' : outcome.state,
            ...(outcome.closedUntil ? { closedUntil: outcome.closedUntil } : {}),
          };
    if (parsed.data.checkinId)
      return this.checkinCard(context, parsed.data.checkinId, locale, panel);
    return this.#panelCard(locale, panel, from.id);
  }

  /** The pupil's own talk card outside a check-in: ask, sent or seen, or why not. */
  async #pupilCard(
    context: TurnContext,
    locale: Locale,
    o: { source: z.infer<typeof origin>['source'] },
  ): Promise<AdaptiveCard> {
    const from = context.activity.from;
    if (!from?.aadObjectId) return buildTalkNoticeCard(locale, 'notPupil');
    const panel = await this.#panel(context, 'ask');
    if (panel.kind === 'ask')
      return buildTalkAskCard({
        locale,
        origin: { source: o.source },
        ...(panel.closedUntil ? { closedUntil: panel.closedUntil } : {}),
      });
    return this.#panelCard(locale, panel, from.id);
  }

  #panelCard(locale: Locale, panel: TalkPanel, pupilTeamsId: string): AdaptiveCard {
    switch (panel.kind) {
      case 'state':
        return buildTalkStateCard({
          locale,
          state: panel.state,
          pupilTeamsId,
          ...(panel.closedUntil ? { closedUntil: panel.closedUntil } : {}),
        });
      case 'unavailable':
        return buildTalkNoticeCard(locale, 'unavailable');
      default:
        return buildTalkNoticeCard(locale, 'notNow');
    }
  }

  /**
   * What this pupil's talk panel is: their request's state if they have one; otherwise the ask
   * (or the offer) if the school can take requests; otherwise "tell an adult".
   */
  async #panel(context: TurnContext, wanted: 'ask' | 'offer'): Promise<TalkPanel> {
    const userId = context.activity.from?.aadObjectId;
    if (!userId) return { kind: 'unavailable' };
    const view = await this.deps.talk.pupilView(tenantOf(context.activity), userId);
    if (view.state !== 'none')
      return {
        kind: 'state',
        state: view.state,
        ...(view.closedUntil ? { closedUntil: view.closedUntil } : {}),
      };
    if (!view.offered) return { kind: 'unavailable' };
    return wanted === 'ask'
      ? { kind: 'ask', ...(view.closedUntil ? { closedUntil: view.closedUntil } : {}) }
      : { kind: 'offer', low: false };
  }

  /** A staff card action: `action` undefined is a refresh (a view); a parse failure is malformed. */
  async #staff(
    context: TurnContext,
    raw: Record<string, unknown>,
    locale: Locale,
    /** The action; a problem the card shows (nothing changes); undefined when malformed. */
    action: (() => StaffAction | StaffProblem | undefined) | undefined,
  ): Promise<AdaptiveCard> {
    const parsed = requestData.safeParse(raw);
    const userId = context.activity.from?.aadObjectId;
    if (!parsed.success || !userId) return buildNoticeCard({ locale, kind: 'unknownAction' });
    const tenantId = tenantOf(context.activity);
    const requestId = parsed.data.requestId;
    let problem: StaffProblem | undefined;
    try {
      if (action) {
        const chosen = action();
        if (!chosen) return buildNoticeCard({ locale, kind: 'unknownAction' });
        if (typeof chosen === 'string') problem = chosen;
        else
          return buildTalkStaffCard(
            await this.deps.talk.act(tenantId, requestId, userId, chosen),
            locale,
          );
      }
    } catch (e) {
      if (isBelongError(e, 'invalidInput')) problem = 'noteLength';
      else if (isBelongError(e, 'conflict')) problem = 'closed';
      else if (!isBelongError(e, 'forbidden') && !isBelongError(e, 'notFound')) throw e;
    }
    try {
      return buildTalkStaffCard(
        await this.deps.talk.staffView(tenantId, requestId, userId),
        locale,
        problem,
      );
    } catch (e) {
      if (isBelongError(e, 'forbidden'))
        return buildMessageCard({
          locale,
          title: t(locale, 'talk.staff.forbidden.title'),
          lines: [t(locale, 'talk.staff.forbidden.body')],
        });
      if (isBelongError(e, 'notFound')) return buildNoticeCard({ locale, kind: 'unknownAction' });
      throw e;
    }
  }
}
