/**
 * Connect in the bot: the teacher commands (`prompts`, `schedule`, `schedules`, `cmhw`) and the
 * card verbs behind their buttons. Everything goes through the same ScheduleService as the tab,
 * so the bot and the tab refuse the same things for the same reasons.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Access } from '../core/access.js';
import {
  findPrompts,
  keyStages,
  phaseOf,
  phases,
  promptById,
  promptLibrary,
  promptThemes,
  type KeyStage,
  type PromptTheme,
} from '../core/content/content.js';
import { isBelongError } from '../core/errors.js';
import { t, type Locale } from '../core/i18n/index.js';
import type { Clock } from '../core/ports/directory.js';
import { nextPlannableCmhw, type Repeat } from '../core/schedule/schedule.js';
import type { ScheduleService } from '../core/schedule/schedule-service.js';
import type { CheckinSettingsStore } from '../core/checkin/checkin-settings.js';
import type { ClassTeam } from '../core/school.js';
import type { DeliveryStore } from '../core/stores/delivery-store.js';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import { execute } from './cards/adaptive-card.js';
import { buildCmhwCard } from './cards/cmhw-card.js';
import { connectVerbs, type ConnectVerb } from './cards/connect-verbs.js';
import { formatWhen } from './cards/format.js';
import { buildMessageCard } from './cards/message-card.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { buildPromptBrowserCard } from './cards/prompt-browser-card.js';
import { buildScheduleFormCard, type ScheduleFormValues } from './cards/schedule-form-card.js';
import { buildScheduleListCard } from './cards/schedule-list-card.js';
import { enqueuePromptPost } from './prompt-post.js';
import { isRefusal, teacherHere, type TeacherHereDeps } from './teacher-here.js';
import { markdownText } from './cards/plain-text.js';
import { localDateOf } from '../core/dates.js';

export interface ConnectDeps extends TeacherHereDeps {
  /** The one ScheduleService (server/services.ts), shared with the tab API. */
  schedule: ScheduleService;
  /** "Post now" goes straight to the delivery outbox. */
  deliveries: DeliveryStore;
  clock: Clock;
  /** Year groups, for the key stage the prompt library opens at (absent: none known). */
  checkinSettings?: CheckinSettingsStore;
}

export const connectCommands = ['prompts', 'schedule', 'schedules', 'cmhw'] as const;
export type ConnectCommand = (typeof connectCommands)[number];

/** Where a teacher is acting: who they are, in which class, in which language. */
interface Here {
  access: Access;
  team: ClassTeam;
  locale: Locale;
  /** The channel the command was typed in (General when Teams doesn't say). */
  channelId: string;
}

const text = z.string().max(200);
const browseData = z.object({ theme: text.optional(), keyStage: text.optional() });
const promptData = z.object({ promptId: text, channelId: text.optional() });
const formData = z.object({
  promptId: text.optional(),
  channelId: text.optional(),
  repeat: z.enum(['once', 'daily', 'weekly']).optional(),
  date: text.optional(),
  end: text.optional(),
  weekdays: text.optional(),
  time: text.optional(),
});
const cancelData = z.object({ scheduleId: text });
const cmhwData = z.object({
  year: z.number().int(),
  channelId: text.optional(),
  time: text.optional(),
  phase: z.enum(phases).optional(),
  theme: text.optional(),
});

export class ConnectActions {
  readonly #service: ScheduleService;

  constructor(private readonly deps: ConnectDeps) {
    this.#service = deps.schedule;
  }

  /** A refusal card when the person can't plan posts here (teacher-here.ts); otherwise where they are. */
  async #here(context: TurnContext, locale: Locale): Promise<Here | AdaptiveCard> {
    const here = await teacherHere(this.deps, context, locale, 'posts');
    return isRefusal(here) ? here : { ...here, locale };
  }

  async command(context: TurnContext, name: ConnectCommand, locale: Locale): Promise<AdaptiveCard> {
    const here = await this.#here(context, locale);
    if (!('access' in here)) return here;
    switch (name) {
      case 'prompts': {
        const keyStage = await this.#classKeyStage(here);
        return this.#browser(here, keyStage ? { keyStage } : {});
      }
      case 'schedule':
        return this.#form(here, { channelId: here.channelId, ...(await this.#proposed(here)) });
      case 'schedules':
        return this.#list(here);
      case 'cmhw':
        return this.#cmhw(here);
    }
  }

  /** One handler per verb; each checks who is acting before it reads the data. */
  handlers(): [
    ConnectVerb,
    (context: TurnContext, data: Record<string, unknown>, locale: Locale) => Promise<AdaptiveCard>,
  ][] {
    const guarded =
      <T>(schema: z.ZodType<T>, run: (here: Here, data: T) => Promise<AdaptiveCard>) =>
      async (context: TurnContext, raw: Record<string, unknown>, locale: Locale) => {
        const here = await this.#here(context, locale);
        if (!('access' in here)) return here;
        const parsed = schema.safeParse(raw);
        if (!parsed.success) return buildNoticeCard({ locale, kind: 'unknownAction' });
        return run(here, parsed.data);
      };
    return [
      [connectVerbs.browsePrompts, guarded(browseData, (here, d) => this.#browser(here, d))],
      [connectVerbs.postPrompt, guarded(promptData, (here, d) => this.#postNow(here, d))],
      [
        connectVerbs.scheduleForm,
        guarded(promptData, async (here, d) =>
          this.#form(here, {
            promptId: d.promptId,
            channelId: d.channelId ?? here.channelId,
            ...(await this.#proposed(here)),
          }),
        ),
      ],
      [connectVerbs.createSchedule, guarded(formData, (here, d) => this.#create(here, d))],
      [connectVerbs.listSchedules, guarded(z.object({}), (here) => this.#list(here))],
      [
        connectVerbs.cancelSchedule,
        guarded(cancelData, (here, d) => this.#cancel(here, d.scheduleId)),
      ],
      [connectVerbs.runCmhw, guarded(cmhwData, (here, d) => this.#runCmhw(here, d))],
    ];
  }

  /** The next school day at the school's usual time (never a time already gone). */
  async #proposed(here: Here): Promise<{ date: string; time: string }> {
    return this.#service.proposedPost(here.access.tenantId);
  }

  /** The class's key stage: its year group's, else the one this teacher last chose here. */
  async #classKeyStage(here: Here): Promise<KeyStage | undefined> {
    const settings = await this.deps.checkinSettings?.get(here.access.tenantId);
    const yearGroup = settings?.yearGroups[here.team.teamId];
    return this.#service.classKeyStage(here.access, here.team.teamId, yearGroup);
  }

  async #browser(here: Here, filter: { theme?: string; keyStage?: string }): Promise<AdaptiveCard> {
    const theme = promptThemes.find((th) => th === filter.theme) as PromptTheme | undefined;
    const keyStage = keyStages.find((k) => k === filter.keyStage) as KeyStage | undefined;
    return buildPromptBrowserCard({
      locale: here.locale,
      prompts: findPrompts({ ...(theme ? { theme } : {}), ...(keyStage ? { keyStage } : {}) }),
      ...(theme ? { theme } : {}),
      ...(keyStage ? { keyStage } : {}),
      channelId: here.channelId,
    });
  }

  async #postNow(here: Here, d: { promptId: string; channelId?: string | undefined }) {
    const prompt = promptById(d.promptId);
    const channel = here.team.channels.find((c) => c.id === (d.channelId ?? here.channelId));
    if (!prompt || !channel) return buildNoticeCard({ locale: here.locale, kind: 'unknownAction' });
    const now = this.deps.clock.now();
    await enqueuePromptPost(
      this.deps.deliveries,
      here.access.tenantId,
      {
        occurrenceId: `now:${crypto.randomUUID()}`,
        team: here.team,
        channelId: channel.id,
        prompt,
        locale: here.locale,
        when: formatWhen(
          'en-GB',
          now,
          (await this.#service.planContext(here.access.tenantId)).timeZone,
        ),
      },
      now,
    );
    return buildMessageCard({
      locale: here.locale,
      title: t(here.locale, 'connect.card.prompts.title'),
      lines: [
        t(here.locale, 'connect.card.prompts.posted', { channel: markdownText(channel.name, 100) }),
      ],
    });
  }

  async #form(here: Here, values: ScheduleFormValues, problems?: readonly string[]) {
    const ctx = await this.#service.planContext(here.access.tenantId);
    return buildScheduleFormCard({
      locale: here.locale,
      prompts: promptLibrary(),
      channels: here.team.channels,
      today: localDateOf(this.deps.clock.now(), ctx.timeZone),
      values,
      ...(problems ? { problems } : {}),
    });
  }

  async #create(here: Here, d: z.infer<typeof formData>): Promise<AdaptiveCard> {
    const date = d.date ?? '';
    const end = d.end || undefined;
    const kind = d.repeat ?? 'once';
    const repeat: Repeat =
      kind === 'once'
        ? { kind, date }
        : kind === 'daily'
          ? { kind, start: date, ...(end ? { end } : {}) }
          : {
              kind,
              start: date,
              ...(end ? { end } : {}),
              weekdays: (d.weekdays ?? '')
                .split(',')
                .filter(Boolean)
                .map((w) => Number(w)),
            };
    try {
      const { schedule, next } = await this.#service.create(here.access, {
        teamId: here.team.teamId,
        channelId: d.channelId ?? '',
        time: d.time ?? '',
        content: { kind: 'prompt', promptId: d.promptId ?? '' },
        repeat,
        locale: here.locale,
      });
      return this.#scheduled(here, schedule.channelId, next?.at);
    } catch (e) {
      if (isBelongError(e, 'invalidInput') && e.problems)
        return this.#form(here, { ...d, repeat: kind }, e.problems);
      throw e;
    }
  }

  async #scheduled(here: Here, channelId: string, at: Date | undefined): Promise<AdaptiveCard> {
    const { locale } = here;
    const ctx = await this.#service.planContext(here.access.tenantId);
    const channel = here.team.channels.find((c) => c.id === channelId)?.name ?? '';
    return buildMessageCard({
      locale,
      title: t(locale, 'connect.card.scheduled.title'),
      lines: [
        ...(at
          ? [
              t(locale, 'connect.card.scheduled.next', {
                when: formatWhen(locale, at, ctx.timeZone),
                channel: markdownText(channel, 100),
              }),
            ]
          : []),
        t(locale, 'connect.card.scheduled.seeAll'),
      ],
      actions: [execute(t(locale, 'connect.card.schedules.title'), connectVerbs.listSchedules)],
    });
  }

  async #list(here: Here, cancelled = false): Promise<AdaptiveCard> {
    const ctx = await this.#service.planContext(here.access.tenantId);
    const views = await this.#service.list(here.access, here.team.teamId, 1);
    return buildScheduleListCard({
      locale: here.locale,
      timeZone: ctx.timeZone,
      schedules: views
        .filter((v) => v.schedule.status === 'active')
        .map((v) => ({
          schedule: v.schedule,
          channelName: v.channelName,
          ...(v.upcoming[0] ? { nextAt: v.upcoming[0].at } : {}),
        })),
      cancelled,
    });
  }

  async #cancel(here: Here, scheduleId: string): Promise<AdaptiveCard> {
    try {
      await this.#service.cancel(here.access, here.team.teamId, scheduleId);
    } catch (e) {
      if (!isBelongError(e, 'notFound')) throw e;
    }
    return this.#list(here, true);
  }

  async #cmhw(
    here: Here,
    values?: Parameters<typeof buildCmhwCard>[0]['values'],
    problems?: readonly string[],
  ) {
    const ctx = await this.#service.planContext(here.access.tenantId);
    const today = localDateOf(this.deps.clock.now(), ctx.timeZone);
    const time = await this.#service.usualTime(here.access.tenantId);
    const keyStage = values ? undefined : await this.#classKeyStage(here);
    return buildCmhwCard({
      locale: here.locale,
      week: nextPlannableCmhw(today),
      channels: here.team.channels,
      values: values ?? {
        channelId: here.channelId,
        time,
        ...(keyStage ? { phase: phaseOf(keyStage) } : {}),
      },
      ...(problems ? { problems } : {}),
    });
  }

  async #runCmhw(here: Here, d: z.infer<typeof cmhwData>): Promise<AdaptiveCard> {
    const phase = d.phase ?? 'secondary';
    try {
      const { schedule, next } = await this.#service.create(here.access, {
        teamId: here.team.teamId,
        channelId: d.channelId ?? '',
        time: d.time ?? '',
        content: {
          kind: 'cmhw',
          year: d.year,
          phase,
          // A blank box is no theme: Place2Be's shows once it is announced.
          ...(d.theme?.trim() ? { theme: d.theme.trim() } : {}),
        },
        repeat: { kind: 'cmhw' },
        locale: here.locale,
      });
      return this.#scheduled(here, schedule.channelId, next?.at);
    } catch (e) {
      if (isBelongError(e, 'invalidInput') && e.problems)
        return this.#cmhw(
          here,
          {
            ...(d.channelId ? { channelId: d.channelId } : {}),
            ...(d.time ? { time: d.time } : {}),
            ...(d.theme ? { theme: d.theme } : {}),
            phase,
          },
          e.problems,
        );
      throw e;
    }
  }
}
