import type { Activity } from 'botbuilder';
import type { CommandScope } from '../core/commands.js';

export interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
  settings?: { selectedChannel?: { id?: string } };
}

export function channelData(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

export function tenantOf(activity: Partial<Activity>): string {
  return channelData(activity).tenant?.id ?? activity.conversation?.tenantId ?? '';
}

export function scopeOf(activity: Partial<Activity>): CommandScope {
  const type = activity.conversation?.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'groupChat') return 'groupChat';
  if (type === 'channel' || channelData(activity).team?.id) return 'team';
  return 'personal';
}
