/**
 * The CloudAdapter. Locally (empty app id) it accepts the Agents Playground's unauthenticated
 * activities; in production it verifies Bot Framework JWTs for the configured bot identity.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import { errorName, type Logger } from '../core/ports/logger.js';
import { localeOf } from './belong-bot.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { adaptiveCardContentType } from './cards/adaptive-card.js';

export interface BotIdentity {
  appId: string;
  password: string;
  tenantId: string;
  type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export function createAdapter(identity: BotIdentity, log: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: identity.appId,
    MicrosoftAppPassword: identity.password,
    MicrosoftAppTenantId: identity.tenantId,
    MicrosoftAppType: identity.type,
  };
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('bot.turnError', { error: errorName(error), activityType: context.activity.type });
    if (context.activity.type === 'message') {
      // Tell the person something went wrong, without details; failing to say so is not worth a crash.
      await context
        .sendActivity({
          attachments: [
            {
              contentType: adaptiveCardContentType,
              content: buildNoticeCard({ locale: localeOf(context), kind: 'error' }),
            },
          ],
        })
        .catch(() => undefined);
    }
  };
  return adapter;
}
