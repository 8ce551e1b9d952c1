/**
 * Every talk card state (issue 17) for the schema, size and snapshot tests: the pupil's ask, sent
 * and seen cards (in and out of school hours), the short notices, the talk panel inside a check-in
 * card, the DSL's card through a request's life, and what the renderer sends.
 */
import type { Locale } from '../../core/i18n/index.js';
import type { StaffTalkView } from '../../core/support/talk-service.js';
import type { TalkRequest } from '../../core/support/talk.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { buildCheckinCard } from './checkin-card.js';
import { sampleCheckin } from './checkin-cards.fixture.js';
import { buildHelpCard } from './help-card.js';
import {
  buildTalkAskCard,
  buildTalkNoticeCard,
  buildTalkStateCard,
  talkRenderer,
  type TalkPanel,
} from './talk-cards.js';
import { buildTalkStaffCard } from './talk-staff-card.js';

const timeZone = 'Europe/London';
/** Tuesday 24 November 2026 at 19:00: school opens again on Wednesday at 08:30. */
const closedUntil = { at: new Date('2026-11-25T08:30:00Z'), timeZone };

export const sampleRequest = (over: Partial<TalkRequest> = {}): TalkRequest => ({
  id: '8204485599999-3f9a2c1b',
  pupilId: '00000000-0000-4000-8000-000000000002',
  pupilTeamsId: '29:demo-user-2',
  classTeamIds: ['19:class-7b-general@thread.tacv2'],
  urgency: 'today',
  source: 'checkin',
  locale: 'en-GB',
  status: 'new',
  createdAt: '2026-11-24T10:00:00.000Z',
  alertAt: '2026-11-24T10:00:00.000Z',
  alerts: [
    {
      at: '2026-11-24T10:00:00.000Z',
      level: 0,
      sentTo: ['00000000-0000-4000-8000-000000000010'],
      unreachable: [],
    },
  ],
  notes: [],
  ...over,
});

export const sampleStaffView = (
  over: Partial<TalkRequest> = {},
  view: Partial<StaffTalkView> = {},
): StaffTalkView => ({
  request: sampleRequest(over),
  pupilName: 'Amir Hassan',
  classNames: ['Class 7B'],
  notes: [],
  unreachableNames: [],
  recipientTeamsIds: ['29:demo-user-10', '29:demo-user-12'],
  timeZone,
  escalationMinutes: 15,
  ...view,
});

const at = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, '0')}:00.000Z`;
const alert = (minute: number, level: number) => ({
  at: at(minute),
  level,
  sentTo: ['00000000-0000-4000-8000-000000000010'],
  unreachable: [],
});

/** The DSL's card at each point of a request's life. */
function staffCards(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const acknowledged = {
    status: 'acknowledged' as const,
    acknowledgedBy: 'ruth',
    acknowledgedAt: at(5),
  };
  const note = {
    by: 'ruth',
    at: at(20),
    text: 'Spoke to Amir at break. <b>Not HTML</b> [not a link](x)',
  };
  return [
    { name: `talk staff new ${locale}`, card: buildTalkStaffCard(sampleStaffView(), locale) },
    {
      name: `talk staff new from chat, how soon not said ${locale}`,
      card: buildTalkStaffCard(sampleStaffView({ source: 'chat', urgency: undefined }), locale),
    },
    {
      name: `talk staff escalated twice, a deputy unreachable ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(
          { alerts: [alert(0, 0), alert(15, 1), alert(30, 2)] },
          { unreachableNames: ['Mr Owen Davies'], recipientTeamsIds: ['29:demo-user-10'] },
        ),
        locale,
      ),
    },
    {
      name: `talk staff acknowledged ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(acknowledged, { acknowledgedByName: 'Ms Ruth Evans' }),
        locale,
      ),
    },
    {
      name: `talk staff acknowledged with a note ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(
          { ...acknowledged, notes: [note] },
          {
            acknowledgedByName: 'Ms Ruth Evans',
            notes: [{ byName: 'Ms Ruth Evans', at: note.at, text: note.text }],
          },
        ),
        locale,
      ),
    },
    {
      name: `talk staff note refused ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(acknowledged, { acknowledgedByName: 'Ms Ruth Evans' }),
        locale,
        'noteLength',
      ),
    },
    {
      name: `talk staff referral not chosen ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(acknowledged, { acknowledgedByName: 'Ms Ruth Evans' }),
        locale,
        'referral',
      ),
    },
    {
      name: `talk staff resolved ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(
          { ...acknowledged, status: 'resolved', closedBy: 'ruth', closedAt: at(40) },
          { acknowledgedByName: 'Ms Ruth Evans', closedByName: 'Ms Ruth Evans' },
        ),
        locale,
      ),
    },
    {
      name: `talk staff referred ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(
          {
            ...acknowledged,
            status: 'referred',
            referredTo: 'childrens_services',
            closedBy: 'owen',
            closedAt: at(45),
          },
          { acknowledgedByName: 'Ms Ruth Evans', closedByName: 'Mr Owen Davies' },
        ),
        locale,
      ),
    },
    {
      name: `talk staff closed ${locale}`,
      card: buildTalkStaffCard(
        sampleStaffView(
          { ...acknowledged, status: 'resolved', closedBy: 'ruth', closedAt: at(40) },
          { acknowledgedByName: 'Ms Ruth Evans', closedByName: 'Ms Ruth Evans' },
        ),
        locale,
        'closed',
      ),
    },
    {
      name: `talk staff nobody to refresh ${locale}`,
      card: buildTalkStaffCard(sampleStaffView({}, { recipientTeamsIds: [] }), locale),
    },
  ];
}

const content = (sent: { attachments?: { content: unknown }[] }) =>
  sent.attachments![0]!.content as AdaptiveCard;

export function talkCards(locale: Locale): { name: string; card: AdaptiveCard }[] {
  const checkin = sampleCheckin('daily-mood', locale);
  const answered = { points: { mood: 1 as const }, skipped: false };
  const panels: [string, TalkPanel][] = [
    ['offer', { kind: 'offer', low: false }],
    ['offer after a low answer', { kind: 'offer', low: true }],
    ['ask', { kind: 'ask' }],
    ['ask out of hours', { kind: 'ask', closedUntil }],
    ['sent', { kind: 'state', state: 'sent' }],
    ['sent out of hours', { kind: 'state', state: 'sent', closedUntil }],
    ['seen', { kind: 'state', state: 'seen' }],
    ['unavailable', { kind: 'unavailable' }],
  ];
  return [
    { name: `talk ask ${locale}`, card: buildTalkAskCard({ locale, origin: { source: 'chat' } }) },
    {
      name: `talk ask out of hours ${locale}`,
      card: buildTalkAskCard({ locale, origin: { source: 'chat' }, closedUntil }),
    },
    {
      name: `talk sent ${locale}`,
      card: buildTalkStateCard({ locale, state: 'sent', pupilTeamsId: '29:demo-user-2' }),
    },
    {
      name: `talk sent out of hours ${locale}`,
      card: buildTalkStateCard({
        locale,
        state: 'sent',
        closedUntil,
        pupilTeamsId: '29:demo-user-2',
      }),
    },
    {
      name: `talk seen ${locale}`,
      card: buildTalkStateCard({ locale, state: 'seen', pupilTeamsId: '29:demo-user-2' }),
    },
    ...(['notNow', 'unavailable', 'notPupil', 'buddyNotPupil', 'channel'] as const).map((kind) => ({
      name: `talk notice ${kind} ${locale}`,
      card: buildTalkNoticeCard(locale, kind),
    })),
    {
      name: `help personal pupil with talk ${locale}`,
      card: buildHelpCard({ locale, scope: 'personal', roles: ['pupil'], talkOffered: true }),
    },
    ...panels.flatMap(([name, panel]) => [
      {
        name: `checkin with talk ${name} ${locale}`,
        card: buildCheckinCard({ kind: 'form', checkin }, locale, ['29:demo-user-2'], panel),
      },
      {
        name: `checkin answered with talk ${name} ${locale}`,
        card: buildCheckinCard(
          { kind: 'answered', checkin, answer: answered, first: true },
          locale,
          ['29:demo-user-2'],
          panel,
        ),
      },
    ]),
    ...staffCards(locale),
    { name: `talk renderer seen ${locale}`, card: content(talkRenderer.seen(locale)) },
    {
      name: `talk renderer escalated ${locale}`,
      card: content(talkRenderer.escalated(15, locale)),
    },
    {
      name: `talk renderer escalated one minute ${locale}`,
      card: content(talkRenderer.escalated(1, locale)),
    },
    {
      name: `talk renderer unreachable ${locale}`,
      card: content(talkRenderer.unreachable(['Mr Owen Davies'], locale)),
    },
    {
      name: `talk renderer staff ${locale}`,
      card: content(talkRenderer.staff(sampleStaffView(), locale)),
    },
  ];
}
