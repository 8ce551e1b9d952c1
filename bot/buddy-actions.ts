/**
 * Buddy requests in the bot (issue 17): `buddy` in a pupil's chat with Belong, and the card's
 * "Ask for a buddy". Everything goes through BuddyService; this file reads the activity and
 * picks the card.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isBelongError } from '../core/errors.js';
import type { Locale } from '../core/i18n/index.js';
import type { BuddyService } from '../core/support/buddy.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import {
  buddyInputs,
  buddyVerbs,
  buildBuddyAskCard,
  buildBuddyOutcomeCard,
  type BuddyVerb,
} from './cards/buddy-card.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { buildTalkNoticeCard } from './cards/talk-cards.js';
import { tenantOf } from './scope.js';

type Handler = (
  context: TurnContext,
  data: Record<string, unknown>,
  locale: Locale,
) => Promise<AdaptiveCard>;

const askData = z.looseObject({ [buddyInputs.period]: z.string().max(200).optional() });

export class BuddyActions {
  constructor(
    private readonly deps: { buddy: BuddyService },
    /** Whether the school can take talk requests (the card's "talk instead"). */
    private readonly talkOffered: (tenantId: string) => Promise<boolean>,
  ) {}

  async command(context: TurnContext, locale: Locale): Promise<AdaptiveCard> {
    return this.#askCard(context, locale);
  }

  handlers(): [BuddyVerb, Handler][] {
    return [[buddyVerbs.buddyAsk, (c, d, l) => this.#ask(c, d, l)]];
  }

  async #askCard(context: TurnContext, locale: Locale, problem?: 'choose') {
    const tenantId = tenantOf(context.activity);
    const [choices, talkOffered] = await Promise.all([
      this.deps.buddy.choices(tenantId),
      this.talkOffered(tenantId),
    ]);
    return buildBuddyAskCard({ locale, choices, talkOffered, ...(problem ? { problem } : {}) });
  }

  async #ask(context: TurnContext, raw: Record<string, unknown>, locale: Locale) {
    const parsed = askData.safeParse(raw);
    const userId = context.activity.from?.aadObjectId;
    if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
    if (!userId) return buildTalkNoticeCard(locale, 'buddyNotPupil');
    const periodId = parsed.data[buddyInputs.period] ?? '';
    const tenantId = tenantOf(context.activity);
    try {
      const outcome = await this.deps.buddy.ask(tenantId, userId, periodId, locale);
      switch (outcome.kind) {
        case 'notPupil':
          return buildTalkNoticeCard(locale, 'buddyNotPupil');
        case 'unavailable':
          return buildTalkNoticeCard(locale, 'unavailable');
        default:
          return buildBuddyOutcomeCard({
            locale,
            kind: outcome.kind,
            periodId: outcome.periodId,
            date: outcome.date,
            talkOffered: await this.talkOffered(tenantId),
          });
      }
    } catch (e) {
      if (isBelongError(e, 'invalidInput')) return this.#askCard(context, locale, 'choose');
      throw e;
    }
  }
}
