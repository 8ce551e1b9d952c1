/** Every Connect card in its typical and its largest shapes, for the schema, size and snapshot tests. */
import { cmhwWeekFor, promptLibrary } from '../../core/content/content.js';
import type { Locale } from '../../core/i18n/index.js';
import type { Schedule } from '../../core/schedule/schedule.js';
import { scheduleProblems } from '../../core/schedule/schedule.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { buildCmhwCard } from './cmhw-card.js';
import { likelyCmhwWeek } from '../../core/content/cmhw-plan.js';
import { buildMessageCard } from './message-card.js';
import { buildPromptBrowserCard } from './prompt-browser-card.js';
import { buildPromptCard } from './prompt-card.js';
import { buildScheduleFormCard } from './schedule-form-card.js';
import { buildScheduleListCard } from './schedule-list-card.js';

const channels = [
  { id: '19:general@thread.tacv2', name: 'General' },
  { id: '19:wellbeing@thread.tacv2', name: 'Wellbeing' },
];
const week = cmhwWeekFor(2026)!;

export const sampleSchedule = (i: number): Schedule => ({
  id: `s${i}`,
  teamId: '19:general@thread.tacv2',
  channelId: channels[i % 2]!.id,
  time: '08:50',
  content:
    i % 3 === 0
      ? { kind: 'cmhw', year: 2026, phase: 'primary' }
      : { kind: 'prompt', promptId: promptLibrary()[i % promptLibrary().length]!.id },
  repeat:
    i % 2
      ? { kind: 'weekly', weekdays: [1, 3, 5], start: '2026-11-25' }
      : { kind: 'daily', start: '2026-11-25' },
  status: 'active',
  createdBy: 'teacher',
  createdAt: '2026-11-24T12:00:00.000Z',
  checkedUntil: '2026-11-24T12:00:00.000Z',
});

export function connectCards(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const prompt = promptLibrary()[0]!;
  return [
    { name: `prompt post ${locale}`, card: buildPromptCard({ locale, prompt }) },
    {
      name: `CMHW prompt post ${locale}`,
      card: buildPromptCard({ locale, prompt, cmhw: { week, day: 2 } }),
    },
    {
      name: `prompt browser (all) ${locale}`,
      card: buildPromptBrowserCard({
        locale,
        prompts: promptLibrary(),
        channelId: channels[0]!.id,
      }),
    },
    {
      name: `prompt browser (none) ${locale}`,
      card: buildPromptBrowserCard({
        locale,
        prompts: [],
        theme: 'trust',
        keyStage: 'KS1',
        channelId: 'c',
      }),
    },
    {
      name: `schedule form with every problem ${locale}`,
      card: buildScheduleFormCard({
        locale,
        prompts: promptLibrary(),
        channels,
        today: '2026-11-24',
        values: { promptId: prompt.id, repeat: 'weekly', weekdays: '1,3', date: '2026-11-25' },
        problems: scheduleProblems,
      }),
    },
    {
      name: `schedule list (many) ${locale}`,
      card: buildScheduleListCard({
        locale,
        timeZone: 'Europe/London',
        schedules: Array.from({ length: 12 }, (_, i) => ({
          schedule: sampleSchedule(i),
          channelName: channels[i % 2]!.name,
          nextAt: '2026-11-25T08:50:00.000Z',
        })),
        cancelled: true,
      }),
    },
    {
      name: `schedule list (empty) ${locale}`,
      card: buildScheduleListCard({ locale, timeZone: 'Europe/London', schedules: [] }),
    },
    {
      name: `CMHW week ${locale}`,
      card: buildCmhwCard({ locale, week, channels, problems: ['cmhwOver'] }),
    },
    { name: `CMHW unknown ${locale}`, card: buildCmhwCard({ locale, week: undefined, channels }) },
    {
      name: `CMHW not published yet ${locale}`,
      card: buildCmhwCard({
        locale,
        week: likelyCmhwWeek(2027),
        channels,
        values: { theme: 'Our *own* theme', phase: 'secondary' },
      }),
    },
    {
      name: `message ${locale}`,
      card: buildMessageCard({ locale, title: 'Scheduled', lines: ['First post soon.'] }),
    },
  ];
}
