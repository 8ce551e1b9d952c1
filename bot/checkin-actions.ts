/**
 * Check-ins in the bot: the teacher's `checkin` command and "Post now", and the pupil's card
 * (answer, change, and the refresh that gives each person their own view). Everything goes
 * through CheckinService; this file only reads the activity and picks the card.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { readCardAnswer } from './checkin-answer.js';
import { z } from 'zod';
import {
  isSafeguardingNotReady,
  type CheckinDeps,
  type CheckinService,
} from '../core/checkin/checkin-service.js';
import { checkinTemplateIds } from '../core/checkin/templates.js';
import { phases } from '../core/content/content.js';
import { isBelongError } from '../core/errors.js';
import { t, type Locale } from '../core/i18n/index.js';
import { errorName, type Logger } from '../core/ports/logger.js';
import type { TeamMember } from '../core/school.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import {
  buildCheckinCard,
  checkinClosedContent,
  checkinPostContent,
  checkinVerbs,
  type CheckinVerb,
} from './cards/checkin-card.js';
import { buildCheckinFormCard, type CheckinFormValues } from './cards/checkin-form-card.js';
import { formatWhen } from './cards/format.js';
import { buildMessageCard } from './cards/message-card.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { tenantOf } from './scope.js';
import { isRefusal, teacherHere, type TeacherHereDeps } from './teacher-here.js';
import type { TalkService } from '../core/support/talk-service.js';
import { isLowAnswer } from '../core/support/talk.js';
import type { TalkPanel } from './cards/talk-cards.js';
import { markdownText } from './cards/plain-text.js';

export interface CheckinActionDeps extends TeacherHereDeps {
  /** The one CheckinService (server/services.ts), shared with the tab API and the scheduler. */
  checkin: CheckinService;
  /** What the pupil has asked, for the talk panel on their card. */
  talk: Pick<TalkService, 'pupilView'>;
  log: Logger;
}

/** The renderer the service posts with: the bot's own cards. */
export const checkinRenderer: CheckinDeps['render'] = {
  posted: checkinPostContent,
  closed: checkinClosedContent,
};

const id = z.string().min(1).max(100);
const checkinData = z.looseObject({ checkinId: id });
const postData = z.object({
  templateId: z.enum(checkinTemplateIds).optional(),
  phase: z.enum(phases).optional(),
  channelId: z.string().max(200).optional(),
});

type Handler = (
  context: TurnContext,
  data: Record<string, unknown>,
  locale: Locale,
) => Promise<AdaptiveCard>;

export class CheckinActions {
  readonly #service: CheckinService;

  constructor(private readonly deps: CheckinActionDeps) {
    this.#service = deps.checkin;
  }

  /** `checkin` in a class channel: the form, for teachers of the class, the lead and admin. */
  async command(context: TurnContext, locale: Locale): Promise<AdaptiveCard> {
    const here = await this.#teacherHere(context, locale);
    if (isRefusal(here)) return here;
    return buildCheckinFormCard({
      locale,
      channels: here.channels,
      values: { channelId: here.channelId },
      notReady: !(await this.#service.ready(here.access.tenantId)),
    });
  }

  handlers(): [CheckinVerb, Handler][] {
    const pupilCard =
      (
        run: (
          tenantId: string,
          checkinId: string,
          userId: string | undefined,
          data: Record<string, unknown>,
          givenAt: Date | undefined,
        ) => ReturnType<CheckinService['view']>,
      ): Handler =>
      async (context, raw, locale) => {
        const parsed = checkinData.safeParse(raw);
        if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
        try {
          return await this.#card(context, locale, (tn, u) =>
            run(tn, parsed.data.checkinId, u, raw, givenAtOf(context.activity)),
          );
        } catch (e) {
          if (isBelongError(e, 'invalidInput')) {
            this.deps.log.warn('checkin.answer.malformed');
            return buildNoticeCard({ locale, kind: 'unknownAction' });
          }
          throw e;
        }
      };
    return [
      [checkinVerbs.view, pupilCard((tn, c, u) => this.#service.view(tn, c, u))],
      [checkinVerbs.change, pupilCard((tn, c, u) => this.#service.change(tn, c, u))],
      [
        checkinVerbs.answer,
        pupilCard((tn, c, u, d, at) => this.#service.answer(tn, c, u, readCardAnswer(d), at)),
      ],
      [checkinVerbs.post, (context, raw, locale) => this.#post(context, raw, locale)],
    ];
  }

  /** This pupil's view of a check-in with the given talk panel (the talk actions' way back). */
  async cardFor(
    context: TurnContext,
    checkinId: string,
    locale: Locale,
    panel: TalkPanel,
  ): Promise<AdaptiveCard> {
    return this.#card(context, locale, (tn, u) => this.#service.view(tn, checkinId, u), panel);
  }

  /**
   * A person's view of a check-in card. A pupil's own view (form or answer) carries the talk
   * panel: what they asked if they did, else the talk button when the school can take requests
   * — after a low answer with a gentle question. The answer itself is never passed on.
   */
  async #card(
    context: TurnContext,
    locale: Locale,
    load: (tenantId: string, userId: string | undefined) => ReturnType<CheckinService['view']>,
    panel?: TalkPanel,
  ): Promise<AdaptiveCard> {
    const activity = context.activity;
    const tenantId = tenantOf(activity);
    const userId = activity.from?.aadObjectId;
    const view = await load(tenantId, userId);
    let talk = panel;
    if (!talk && userId && (view.kind === 'form' || view.kind === 'answered')) {
      const mine = await this.deps.talk.pupilView(tenantId, userId);
      if (mine.state !== 'none')
        talk = {
          kind: 'state',
          state: mine.state,
          ...(mine.closedUntil ? { closedUntil: mine.closedUntil } : {}),
        };
      else if (mine.offered)
        talk = {
          kind: 'offer',
          low: view.kind === 'answered' && !view.answer.skipped && isLowAnswer(view.answer.points),
        };
    }
    // Refreshed and answered cards keep refreshing for this person only.
    return buildCheckinCard(
      view,
      'checkin' in view ? view.checkin.locale : locale,
      activity.from?.id ? [activity.from.id] : [],
      talk,
    );
  }

  async #post(
    context: TurnContext,
    raw: Record<string, unknown>,
    locale: Locale,
  ): Promise<AdaptiveCard> {
    const here = await this.#teacherHere(context, locale);
    if (isRefusal(here)) return here;
    const parsed = postData.safeParse(raw);
    if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
    const values: CheckinFormValues = parsed.data;
    const channel = here.channels.find((c) => c.id === values.channelId);
    const problem = !values.templateId
      ? t(locale, 'checkin.form.chooseTemplate')
      : !values.phase
        ? t(locale, 'checkin.form.choosePhase')
        : !channel
          ? t(locale, 'connect.problem.channelUnknown')
          : undefined;
    if (problem) return buildCheckinFormCard({ locale, channels: here.channels, values, problem });
    const checkin = await this.#service
      .post(here.access, {
        teamId: here.teamId,
        channelId: channel!.id,
        templateId: values.templateId!,
        phase: values.phase!,
        locale,
        ...(here.roster ? { roster: here.roster } : {}),
      })
      .catch((e: unknown) => {
        // Not ready (a form from before the school stopped being ready): nothing was posted.
        if (isSafeguardingNotReady(e)) return;
        throw e;
      });
    if (!checkin) return buildCheckinFormCard({ locale, channels: here.channels, notReady: true });
    this.deps.log.info('checkin.posted', { verb: checkin.templateId });
    return buildMessageCard({
      locale,
      title: t(locale, 'checkin.form.posted.title'),
      lines: [
        t(locale, 'checkin.form.posted.body', {
          channel: markdownText(channel!.name, 100),
          when: formatWhen(locale, checkin.closesAt, checkin.timeZone),
        }),
      ],
    });
  }

  /** Where a teacher is acting (teacher-here.ts), with the class roster from Teams when it can be read. */
  async #teacherHere(context: TurnContext, locale: Locale) {
    const here = await teacherHere(this.deps, context, locale, 'checkins');
    if (isRefusal(here)) return here;
    const { access, team, channelId } = here;
    return {
      access,
      teamId: team.teamId,
      channels: team.channels,
      channelId,
      roster: await this.#roster(context, team.teamId),
    };
  }

  /** The class as Teams lists it now (so refresh reaches every pupil); undefined if unreadable. */
  async #roster(context: TurnContext, teamId: string): Promise<TeamMember[] | undefined> {
    try {
      const members: TeamMember[] = [];
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, token);
        for (const m of page.members) {
          if (m.aadObjectId) {
            members.push({
              userId: m.aadObjectId,
              teamsId: m.id,
              addedAt: new Date(0).toISOString(),
            });
          }
        }
        token = page.continuationToken;
      } while (token);
      // An empty roster is no roster: fall back to the members Belong recorded.
      return members.length ? members : undefined;
    } catch (e) {
      this.deps.log.warn('checkin.roster.unavailable', { error: errorName(e) });
      return undefined;
    }
  }
}

/** When the person tapped: the time Teams stamped on the activity (botbuilder makes it a Date). */
function givenAtOf(activity: TurnContext['activity']): Date | undefined {
  const at: unknown = activity.timestamp;
  return at instanceof Date && Number.isFinite(at.getTime()) ? at : undefined;
}
