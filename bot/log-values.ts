/**
 * Activity fields as logs may hold them. A sender chooses these strings, so a log writes a value
 * only when it is one Belong knows, and `other` for anything else (decision 023).
 */

const activityTypes = new Set([
  'message',
  'conversationUpdate',
  'installationUpdate',
  'invoke',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'event',
  'typing',
]);

/** Teams' conversation-update events (channelData.eventType), and Belong's name for a roster change. */
const eventTypes = new Set([
  'channelCreated',
  'channelRenamed',
  'channelDeleted',
  'channelRestored',
  'channelShared',
  'channelUnshared',
  'channelMemberAdded',
  'channelMemberRemoved',
  'teamRenamed',
  'teamDeleted',
  'teamHardDeleted',
  'teamArchived',
  'teamUnarchived',
  'teamRestored',
  'teamMemberAdded',
  'teamMemberRemoved',
  'membersChanged',
]);

const known = (values: ReadonlySet<string>, value: unknown): string =>
  typeof value === 'string' && values.has(value) ? value : 'other';

/** An activity's type: a known one, or `other`. */
export const knownActivityType = (type: unknown): string => known(activityTypes, type);

/** A conversation update's event type: a known one, or `other`. */
export const knownEventType = (eventType: unknown): string => known(eventTypes, eventType);
