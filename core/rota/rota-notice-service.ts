/**
 * The coordinator's side of reminders and notices: the reminder time, the language, the channel
 * for the daily card, and what happened to each day's reminders (who was skipped, and why).
 */
import type { Access } from '../access.js';
import { defaultTimeZone, isSchoolDay } from '../schedule/index.js';
import type { Clock } from '../ports/directory.js';
import type { Locale } from '../i18n/index.js';
import type { SchoolStore } from '../stores/school-store.js';
import type { TeamStore } from '../stores/team-store.js';
import type { RotaNoticeStore } from './rota-notice-store.js';
import {
  defaultNoticeSettings,
  isReminderTime,
  type NoticeSettings,
  type ReminderRecord,
  type RotaNoticeSettings,
} from './rota-notices.js';
import { rotaRefusal } from './problems.js';
import { mayCoordinate } from './rules.js';
import { isIsoDate, localDateOf } from '../dates.js';

export interface NoticeSettingsInput {
  reminderTime: string;
  locale: Locale;
  /** null: no daily card. */
  todayCard: { teamId: string; channelId: string } | null;
}

export interface NoticeSettingsView extends NoticeSettings {
  updatedAt?: string;
  updatedBy?: string;
}

export interface ReminderDayView {
  date: string;
  schoolDay: boolean;
  /** Reminders decided so far that day: queued, or skipped with the reason. */
  reminders: ReminderRecord[];
  todayCard?: ReminderRecord;
  /** The day is settled: nothing more will be sent for it. */
  done: boolean;
  /** The day is before today (school time): if it isn't settled, nothing was sent and nothing will be. */
  past: boolean;
}

export class RotaNoticeService {
  constructor(
    private readonly deps: {
      notices: RotaNoticeStore;
      schools: SchoolStore;
      teams: TeamStore;
      clock: Clock;
    },
  ) {}

  async settings(access: Access): Promise<NoticeSettingsView> {
    coordinatorOnly(access);
    return (await this.deps.notices.settings(access.tenantId)) ?? defaultNoticeSettings();
  }

  async setSettings(access: Access, input: NoticeSettingsInput): Promise<RotaNoticeSettings> {
    coordinatorOnly(access);
    if (!isReminderTime(input.reminderTime))
      throw rotaRefusal('invalidInput', ['rotaInvalid'], 'reminder time between 06:00 and 12:00');
    if (input.todayCard) {
      const { teamId, channelId } = input.todayCard;
      const team = await this.deps.teams.get(access.tenantId, teamId);
      if (!team || team.removedAt || !team.channels.some((c) => c.id === channelId))
        throw rotaRefusal('invalidInput', ['rotaInvalid'], 'a channel of a team Belong is in');
    }
    const settings: RotaNoticeSettings = {
      reminderTime: input.reminderTime,
      locale: input.locale,
      ...(input.todayCard
        ? { todayCard: { teamId: input.todayCard.teamId, channelId: input.todayCard.channelId } }
        : {}),
      updatedAt: this.deps.clock.now().toISOString(),
      updatedBy: access.userId,
    };
    await this.deps.notices.putSettings(access.tenantId, settings);
    return settings;
  }

  /** What happened to the reminders of a day (default today, school time). */
  async reminders(access: Access, date?: string): Promise<ReminderDayView> {
    coordinatorOnly(access);
    const { tenantId } = access;
    const [school, calendar] = await Promise.all([
      this.deps.schools.get(tenantId),
      this.deps.schools.calendar(tenantId),
    ]);
    const today = localDateOf(this.deps.clock.now(), school?.timeZone ?? defaultTimeZone);
    const day = date ?? today;
    if (!isIsoDate(day)) throw rotaRefusal('invalidInput', ['dateInvalid']);
    const found = await this.deps.notices.day(tenantId, day);
    return { date: day, schoolDay: isSchoolDay(calendar, day), ...found, past: day < today };
  }
}

function coordinatorOnly(access: Access): void {
  if (!mayCoordinate(access)) throw rotaRefusal('forbidden', ['notCoordinator']);
}
