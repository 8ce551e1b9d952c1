/** Teams-shaped activities for bot tests, built from the demo school. */
import { wallClock } from '../../core/testing/wall-clock.js';
import { demoSchool, type DemoPerson } from '../../server/demo/demo-school.js';

export const botAccount = { id: '28:belong-bot', name: 'Belong' };
const tenant = { id: demoSchool.tenantId };
const team = {
  id: demoSchool.team.id,
  name: demoSchool.team.name,
  aadGroupId: 'a5b6c7d8-0000-4000-8000-00000000c7b0',
};

export const person = (kind: DemoPerson['kind'], nth = 0): DemoPerson =>
  demoSchool.people.filter((p) => p.kind === kind)[nth]!;

const from = (p: DemoPerson) => ({ id: p.teamsId, name: p.displayName, aadObjectId: p.id });

/** Where a message or card action in Class 7B's General channel happens. */
function inGeneralChannel() {
  const channel = demoSchool.team.channels[0]!;
  return {
    conversation: {
      id: `${channel.id};messageid=1`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenant.id,
    },
    channelData: { tenant, team, channel: { id: channel.id } },
  };
}

let n = 0;
const base = (serviceUrl: string) => ({
  id: `activity-${++n}`,
  channelId: 'msteams',
  serviceUrl,
  timestamp: wallClock.now().toISOString(),
  recipient: botAccount,
});

export function channelMessage(
  serviceUrl: string,
  who: DemoPerson,
  text: string,
  locale = 'en-GB',
) {
  return {
    ...base(serviceUrl),
    type: 'message',
    text: `<at>Belong</at> ${text}`,
    locale,
    from: from(who),
    ...inGeneralChannel(),
    entities: [{ type: 'mention', text: '<at>Belong</at>', mentioned: botAccount }],
  };
}

export function personalMessage(
  serviceUrl: string,
  who: DemoPerson,
  text: string,
  locale = 'en-GB',
) {
  return {
    ...base(serviceUrl),
    type: 'message',
    text,
    locale,
    from: from(who),
    conversation: { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId: tenant.id },
    channelData: { tenant },
  };
}

export function teamInstall(serviceUrl: string, who: DemoPerson, action: 'add' | 'remove' = 'add') {
  return {
    ...base(serviceUrl),
    type: 'installationUpdate',
    action,
    from: from(who),
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: tenant.id },
    channelData: { tenant, team, channel: { id: team.id }, source: { name: 'message' } },
  };
}

export function personalInstall(serviceUrl: string, who: DemoPerson) {
  return {
    ...base(serviceUrl),
    type: 'installationUpdate',
    action: 'add',
    from: from(who),
    conversation: { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId: tenant.id },
    channelData: { tenant },
  };
}

export function teamUpdate(
  serviceUrl: string,
  eventType: string,
  extra: {
    channel?: { id: string; name?: string };
    teamName?: string;
    membersAdded?: DemoPerson[];
    membersRemoved?: DemoPerson[];
    botAdded?: boolean;
  },
) {
  return {
    ...base(serviceUrl),
    type: 'conversationUpdate',
    from: from(person('teacher')),
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: tenant.id },
    channelData: {
      tenant,
      eventType,
      team: { ...team, ...(extra.teamName ? { name: extra.teamName } : {}) },
      ...(extra.channel ? { channel: extra.channel } : {}),
    },
    ...(extra.membersAdded || extra.botAdded
      ? {
          membersAdded: [
            ...(extra.botAdded ? [botAccount] : []),
            ...(extra.membersAdded ?? []).map(from),
          ],
        }
      : {}),
    ...(extra.membersRemoved ? { membersRemoved: extra.membersRemoved.map(from) } : {}),
  };
}

export function cardAction(serviceUrl: string, who: DemoPerson, value: unknown) {
  return {
    ...base(serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale: 'en-GB',
    from: from(who),
    ...inGeneralChannel(),
    value,
  };
}

export async function postActivity(
  appUrl: string,
  activity: unknown,
  contentType = 'application/json',
) {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
