/**
 * A pupil's tap on a check-in card, as Teams sends it to the bot, for the check-in benchmarks
 * (bench:checkins and its --contention cases), and how to tell that the reply acknowledged it.
 */
import { benchTenantId, classChannelId, classTeamId } from './bench-school.js';
import type { Reply } from './load.js';

let activitySeq = 0;

/** The `checkin.answer` invoke from pupil `userId` of class `k`, as a request body. */
export function answerActivity(
  k: number,
  userId: string,
  checkinId: string,
  point: number,
): string {
  const channelId = classChannelId(k);
  return JSON.stringify({
    id: `bench-${++activitySeq}`,
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    recipient: { id: '28:belong-bot', name: 'Belong' },
    from: { id: `29:${userId}`, name: 'Pupil', aadObjectId: userId },
    conversation: {
      id: `${channelId};messageid=1`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: benchTenantId,
    },
    channelData: {
      tenant: { id: benchTenantId },
      team: { id: classTeamId(k), name: `Class ${k}` },
      channel: { id: channelId },
    },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'checkin.answer',
        data: { checkinId, 'q.mood': String(point) },
      },
    },
  });
}

const moodLabels = ['😞 Awful', '🙁 Not great', '😐 OK', '🙂 Good', '😄 Great'];

/** The pupil's own "You chose …" card for `point`: what an acknowledged answer replies. */
export const chosenText = (point: number) => `You chose ${moodLabels[point - 1]}.`;

/** An answer counts as acknowledged when the reply is the pupil's own "You chose …" card. */
export const acknowledges = (reply: Reply | undefined, point: number) =>
  reply?.status === 200 && reply.body.includes(chosenText(point));
