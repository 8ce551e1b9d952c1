/**
 * Belong's bot: the Bot Framework edge. It records where it is installed, answers commands with
 * cards, and routes card actions by verb. Domain work lives in core/; cards in bot/cards/.
 */
import {
  CardFactory,
  MessageFactory,
  StatusCodes,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type ChannelAccount,
  type InvokeResponse,
} from 'botbuilder';
import type { AccessResolver } from '../core/access.js';
import { isCommandName, parseCommand } from '../core/commands.js';
import { pickLocale, type Locale } from '../core/i18n/index.js';
import type { Clock } from '../core/ports/directory.js';
import { errorName, type Logger } from '../core/ports/logger.js';
import type { Role } from '../core/roles.js';
import { generalChannelName, type Channel } from '../core/school.js';
import type { TeamStore } from '../core/stores/team-store.js';
import { CheckinActions, type CheckinActionDeps } from './checkin-actions.js';
import {
  ConnectActions,
  connectCommands,
  type ConnectCommand,
  type ConnectDeps,
} from './connect-actions.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import { adaptiveCardContentType } from './cards/adaptive-card.js';
import { buildHelpCard } from './cards/help-card.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { cardActionSchema, cardVerbs, type CardVerb } from './card-actions.js';
import { channelData, scopeOf, tenantOf } from './scope.js';
import type { TalkService } from '../core/support/talk-service.js';
import { asksForAdult } from '../core/support/talk-phrases.js';
import { TalkActions } from './talk-actions.js';
import type { BuddyService } from '../core/support/buddy.js';
import { BuddyActions } from './buddy-actions.js';
import { buildTalkNoticeCard } from './cards/talk-cards.js';
import { knownEventType } from './log-values.js';

/** What the bot uses, built once in server/services.ts; each handler is given its own part. */
export interface BotDeps extends ConnectDeps, CheckinActionDeps {
  /** Where Belong is installed: the bot records installs, channels and members. */
  teams: TeamStore;
  clock: Clock;
  log: Logger;
  resolveAccess: AccessResolver;
  talk: TalkService;
  buddy: BuddyService;
}

/** The answer to an invoke Belong does not handle: Teams' error shape for card actions, a 400. */
export const unknownInvokeResponse: InvokeResponse = {
  status: StatusCodes.BAD_REQUEST,
  body: {
    statusCode: StatusCodes.BAD_REQUEST,
    type: 'application/vnd.microsoft.error',
    value: { code: 'NotSupported', message: 'Belong does not handle this kind of request.' },
  },
};

type VerbHandler = (
  context: TurnContext,
  data: Record<string, unknown>,
  locale: Locale,
) => Promise<AdaptiveCard>;

const isConnectCommand = (name: string): name is ConnectCommand =>
  (connectCommands as readonly string[]).includes(name);

export class BelongBot extends TeamsActivityHandler {
  /** One handler per verb; later features register theirs here. */
  readonly #verbs = new Map<CardVerb, VerbHandler>();

  readonly #connect: ConnectActions;
  readonly #checkin: CheckinActions;
  readonly #talk: TalkActions;
  readonly #buddy: BuddyActions;

  constructor(private readonly deps: BotDeps) {
    super();
    this.#connect = new ConnectActions(deps);
    this.#verbs.set(cardVerbs.showHelp, async (context) => this.#helpCard(context));
    this.#checkin = new CheckinActions(deps);
    this.#talk = new TalkActions(deps, (context, checkinId, locale, panel) =>
      this.#checkin.cardFor(context, checkinId, locale, panel),
    );
    this.#buddy = new BuddyActions(deps, (tenantId) => this.#talk.offered(tenantId));
    for (const [verb, handler] of [
      ...this.#connect.handlers(),
      ...this.#checkin.handlers(),
      ...this.#talk.handlers(),
      ...this.#buddy.handlers(),
    ]) {
      this.#verbs.set(verb, handler);
    }
    this.onMessage(async (context, next) => {
      await this.#onMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.#recordInstall(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      const team = channelData(context.activity).team;
      if (team?.id)
        await this.deps.teams.recordUninstall(
          tenantOf(context.activity),
          team.id,
          this.deps.clock.now(),
        );
      this.deps.log.info('bot.uninstalled', { scope: scopeOf(context.activity) });
      await next();
    });
  }

  /** Handles Teams conversation updates directly, without botbuilder's hidden roster look-ups. */
  protected override async onConversationUpdateActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const tenantId = tenantOf(activity);
    const data = channelData(activity);
    const teamId = data.team?.id;
    const botId = activity.recipient?.id;
    const now = this.deps.clock.now();
    const isBot = (m: ChannelAccount) => m.id === botId;

    if (activity.membersAdded?.some(isBot)) await this.#recordInstall(context);
    if (activity.membersRemoved?.some(isBot) && teamId) {
      await this.deps.teams.recordUninstall(tenantId, teamId, now);
    }
    if (teamId) {
      for (const m of activity.membersAdded ?? []) {
        if (!isBot(m) && m.aadObjectId) {
          await this.deps.teams.addMember(tenantId, teamId, {
            userId: m.aadObjectId,
            teamsId: m.id,
            addedAt: now.toISOString(),
          });
        }
      }
      for (const m of activity.membersRemoved ?? []) {
        if (!isBot(m) && m.aadObjectId)
          await this.deps.teams.removeMember(tenantId, teamId, m.aadObjectId);
      }
      const channel = data.channel;
      switch (data.eventType) {
        case 'channelCreated':
        case 'channelRenamed':
        case 'channelRestored':
          if (channel?.id)
            await this.deps.teams.upsertChannel(tenantId, teamId, {
              id: channel.id,
              name: channel.name ?? channel.id,
            });
          break;
        case 'channelDeleted':
          if (channel?.id) await this.deps.teams.removeChannel(tenantId, teamId, channel.id);
          break;
        case 'teamRenamed':
          if (data.team?.name) await this.deps.teams.renameTeam(tenantId, teamId, data.team.name);
          break;
      }
    }
    this.deps.log.info('bot.conversationUpdate', {
      scope: scopeOf(activity),
      activityType: knownEventType(data.eventType ?? 'membersChanged'),
    });
    await this.handle(context, 'ConversationUpdate', async () => {});
  }

  /** Card actions (Action.Execute). Malformed data and unknown verbs get a friendly card, never a 500. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') {
      // Belong offers no message extensions, task modules or sign-in: say so plainly, not 501.
      this.deps.log.warn('bot.invoke.unknown');
      return unknownInvokeResponse;
    }
    const locale = localeOf(context);
    const parsed = cardActionSchema.safeParse(context.activity.value);
    let card: AdaptiveCard;
    if (!parsed.success) {
      this.deps.log.warn('bot.cardAction.malformed');
      card = buildNoticeCard({ locale, kind: 'unknownAction' });
    } else {
      const handler = this.#verbs.get(parsed.data.action.verb as CardVerb);
      if (!handler) {
        this.deps.log.warn('bot.cardAction.unknownVerb');
        card = buildNoticeCard({ locale, kind: 'unknownAction' });
      } else {
        card = await handler(context, parsed.data.action.data ?? {}, locale).catch((e: unknown) => {
          this.deps.log.error('bot.cardAction.failed', { error: errorName(e) });
          return buildNoticeCard({ locale, kind: 'error' });
        });
      }
    }
    return {
      status: StatusCodes.OK,
      body: { statusCode: 200, type: adaptiveCardContentType, value: card },
    };
  }

  async #onMessage(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const { name } = parseCommand(text);
    if (name === '' && context.activity.value !== undefined) return; // a card submit without text: nothing to say
    const locale = localeOf(context);
    const personal = scopeOf(context.activity) === 'personal';
    // `siarad` is Welsh for talk; phrases such as "I want to talk to someone" or "help me" count
    // too (`help` alone is not one: it stays the help command, whose card offers talk).
    const phrase =
      personal &&
      (name === 'help' || name === 'buddy' || !isCommandName(name)) &&
      asksForAdult(name === 'buddy' ? parseCommand(text).rest : (text ?? ''));
    const asked = name === 'talk' || name === 'siarad' || phrase;
    // In a channel everyone gets the same button (the reply says nothing); in a personal chat
    // only pupils are asked, others are told what talk is, or (a phrase) get the help card.
    const pupil = asked && personal && (await this.#rolesHere(context)).includes('pupil');
    const talk = asked && (pupil || !personal);
    const known = asked || isCommandName(name);
    this.deps.log.info('bot.command', {
      scope: scopeOf(context.activity),
      verb: asked ? 'talk' : known ? name : 'unknown',
    });
    const card = talk
      ? await this.#talk.command(context, locale)
      : asked && !phrase
        ? buildTalkNoticeCard(locale, 'notPupil')
        : name === 'buddy' && personal
          ? (await this.#rolesHere(context)).includes('pupil')
            ? await this.#buddy.command(context, locale)
            : buildTalkNoticeCard(locale, 'buddyNotPupil')
          : isConnectCommand(name)
            ? await this.#connect.command(context, name, locale)
            : name === 'checkin'
              ? await this.#checkin.command(context, locale)
              : await this.#helpCard(context, known ? undefined : name || '…');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  async #helpCard(context: TurnContext, unknownCommand?: string): Promise<AdaptiveCard> {
    const roles = await this.#rolesHere(context);
    return buildHelpCard({
      locale: localeOf(context),
      scope: scopeOf(context.activity),
      roles,
      talkOffered:
        roles.includes('pupil') && (await this.#talk.offered(tenantOf(context.activity))),
      ...(unknownCommand !== undefined ? { unknownCommand } : {}),
    });
  }

  /** The person's roles where they are talking: school roles, plus their role in this class team. */
  async #rolesHere(context: TurnContext): Promise<Role[]> {
    const activity = context.activity;
    const userId = activity.from?.aadObjectId;
    if (!userId) return [];
    const tenantId = tenantOf(activity);
    const teamId = channelData(activity).team?.id;
    const access = await this.deps.resolveAccess(tenantId, userId);
    if (scopeOf(activity) !== 'team' || !teamId) return access.roles;
    const here = access.teams.find((t) => t.team.teamId === teamId)?.role;
    return [...access.schoolRoles, ...(here ? [here] : [])];
  }

  async #recordInstall(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const tenantId = tenantOf(activity);
    const data = channelData(activity);
    const now = this.deps.clock.now();
    const team = data.team;
    if (team?.id) {
      await this.deps.teams.recordInstall(
        tenantId,
        {
          teamId: team.id,
          ...(team.name ? { name: team.name } : {}),
          ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
          serviceUrl: activity.serviceUrl,
          channels: await this.#channelsOf(context, team.id),
        },
        now,
      );
      this.deps.log.info('bot.installed', { scope: 'team' });
    } else if (
      activity.conversation?.conversationType === 'personal' &&
      activity.from?.aadObjectId
    ) {
      await this.deps.teams.recordPersonalConversation(tenantId, {
        userId: activity.from.aadObjectId,
        teamsId: activity.from.id,
        conversationId: activity.conversation.id,
        serviceUrl: activity.serviceUrl,
        installedAt: now.toISOString(),
      });
      this.deps.log.info('bot.installed', { scope: 'personal' });
    }
  }

  /** The team's channels from the connector; the General channel alone if the roster can't be read. */
  async #channelsOf(context: TurnContext, teamId: string): Promise<Channel[]> {
    const general = { id: teamId, name: generalChannelName };
    try {
      const channels = await TeamsInfo.getTeamChannels(context, teamId);
      const listed = channels
        .filter((c) => c.id)
        .map((c) => ({ id: c.id!, name: c.name || generalChannelName }));
      return listed.length ? listed : [general];
    } catch (e) {
      this.deps.log.warn('bot.channels.unavailable', { error: errorName(e) });
      const here = channelData(context.activity).channel;
      return here?.id && here.id !== teamId
        ? [general, { id: here.id, name: here.name ?? here.id }]
        : [general];
    }
  }
}

export function localeOf(context: TurnContext): Locale {
  return pickLocale(
    context.activity.locale ??
      (
        context.activity.entities?.find((e) => e.type === 'clientInfo') as
          { locale?: string } | undefined
      )?.locale,
  );
}
