/**
 * Checks the shape of an incoming activity before botbuilder sees it, so malformed input gets a
 * clear 400 and never reaches handlers that assume a conversation or a tenant, and nothing from a
 * malformed conversation update or invoke is stored (decision 023). Every field a handler reads
 * or stores has a type and a length here; fields Belong ignores pass through untouched.
 */
import { z } from 'zod';
import { guidPattern, isKeySafe, isPlainText, maxIdLength } from '../core/id-text.js';

/**
 * A Teams id that Belong may store as (part of) a storage key: the same rule as the tab API's ids
 * (server/http/ids.ts): at most 200 safe characters, no lone surrogates, control characters or
 * `/ \ # ?` (Azure Tables forbids them in keys; Teams never makes them).
 */
const teamsId = z.string().min(1).max(maxIdLength).refine(isKeySafe, 'is not a Teams id');
/** An Entra object id: a GUID, as Teams sends it for people. */
const guid = z.string().regex(guidPattern, 'is not a GUID');
/** A name Belong stores and shows (a team or channel name): plain, well-formed text. */
const displayName = z.string().max(256).refine(isPlainText, 'is not plain text');

const account = z
  .object({ id: teamsId, name: z.string().max(256).optional(), aadObjectId: guid.optional() })
  .loose();

const channelData = z
  .object({
    tenant: z.object({ id: teamsId }).loose().optional(),
    team: z
      .object({
        id: teamsId,
        name: displayName.optional(),
        aadGroupId: z.string().max(100).optional(),
      })
      .loose()
      .optional(),
    channel: z.object({ id: teamsId, name: displayName.optional() }).loose().optional(),
    eventType: z.string().max(64).optional(),
    settings: z
      .object({
        selectedChannel: z.object({ id: teamsId.optional() }).loose().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z
      .object({
        id: z.string().min(1).max(1024),
        tenantId: teamsId.optional(),
        conversationType: z.string().max(64).optional(),
      })
      .loose(),
    from: account,
    recipient: account.optional(),
    channelData: channelData.optional(),
    locale: z.string().max(64).optional(),
    text: z.string().max(100_000).optional(),
    name: z.string().max(256).optional(),
    action: z.string().max(64).optional(),
    entities: z
      .array(z.object({ type: z.string() }).loose())
      .max(100)
      .optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .loose();

/** A checked activity: the fields handlers read have the types they expect. */
export type CheckedActivity = z.infer<typeof activitySchema>;

export type ActivityCheck =
  { ok: true; tenantId: string; activity: CheckedActivity } | { ok: false; message: string };

export function checkActivity(body: unknown): ActivityCheck {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'activity';
    return { ok: false, message: `Activity is not valid: ${where}: ${issue.message}` };
  }
  const activity = parsed.data;
  if (activity.channelId !== 'msteams') {
    return { ok: false, message: 'Activity is not valid: Belong works in Microsoft Teams only' };
  }
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
  if (!tenantId) {
    return {
      ok: false,
      message: 'Activity is not valid: a Teams activity must say which tenant it is from',
    };
  }
  if (activity.type === 'invoke' && !activity.name) {
    return { ok: false, message: 'Activity is not valid: an invoke must have a name' };
  }
  return { ok: true, tenantId, activity };
}
