import type { CmhwWeek, Prompt } from '../core/content/content.js';
import type { Locale } from '../core/i18n/index.js';
import type { ClassTeam } from '../core/school.js';
import type { DeliveryStore } from '../core/stores/delivery-store.js';
import { promptPostContent } from './cards/prompt-card.js';

/**
 * Puts one prompt post for a class channel in the outbox. Used by "Post now" and by the
 * scheduler; the occurrence id makes it idempotent, so a retried tick never posts twice.
 */
export async function enqueuePromptPost(
  deliveries: DeliveryStore,
  tenantId: string,
  post: {
    occurrenceId: string;
    team: ClassTeam;
    channelId: string;
    prompt: Prompt;
    locale: Locale;
    cmhw?: { week: CmhwWeek; day: number };
    /** For staff: when it was due (a date) or "now". */
    when: string;
  },
  now: Date,
): Promise<void> {
  const { team, prompt } = post;
  await deliveries.enqueue(
    tenantId,
    {
      id: post.occurrenceId,
      label: `${team.name} · ${post.when} · ${prompt.id}`,
      teamId: team.teamId,
    },
    [
      {
        targetKey: post.channelId,
        target: {
          kind: 'channel',
          teamId: team.teamId,
          channelId: post.channelId,
          serviceUrl: team.serviceUrl,
        },
        content: promptPostContent({
          locale: post.locale,
          prompt,
          ...(post.cmhw ? { cmhw: post.cmhw } : {}),
        }),
      },
    ],
    now,
  );
}
