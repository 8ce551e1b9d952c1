/**
 * Checks the shape of an incoming activity before botbuilder sees it, so malformed input gets a
 * clear 400 and never reaches handlers that assume a conversation or a tenant.
 */
import { z } from 'zod';

const account = z.object({ id: z.string().min(1) }).loose();

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z
      .object({ id: z.string().min(1).max(1024), tenantId: z.string().optional() })
      .loose(),
    from: account,
    recipient: account.optional(),
    channelData: z
      .object({ tenant: z.object({ id: z.string() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

export type ActivityCheck = { ok: true; tenantId: string } | { ok: false; message: string };

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
  return { ok: true, tenantId };
}
