/**
 * Typed verbs for Action.Execute. Every card action names one of these; the bot has one handler
 * per verb and answers anything else with a friendly card.
 */
import { z } from 'zod';
import { checkinVerbs } from './cards/checkin-card.js';
import { connectVerbs } from './cards/connect-verbs.js';
import { talkVerbs } from './cards/talk-verbs.js';
import { buddyVerbs } from './cards/buddy-card.js';

export const cardVerbs = {
  showHelp: 'help.show',
  ...connectVerbs,
  ...checkinVerbs,
  ...talkVerbs,
  ...buddyVerbs,
} as const;
export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];

export const cardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});
