import type { FanOutItem } from '../../core/stores/delivery-store.js';

/** N channel targets on one serviceUrl, each a distinct class channel. */
export function channelFanOut(n: number, serviceUrl: string, prefix = 'ch'): FanOutItem[] {
  return Array.from({ length: n }, (_, i) => ({
    targetKey: `19:${prefix}-${i}@thread.tacv2`,
    target: {
      kind: 'channel',
      teamId: `19:${prefix}-team-${i}@thread.tacv2`,
      channelId: `19:${prefix}-${i}@thread.tacv2`,
      serviceUrl,
    },
    content: { text: `Good morning (${i})` },
  }));
}
