/**
 * The CloudAdapter. Locally (empty app id) it accepts the Agents Playground's unauthenticated
 * activities; in production it verifies Bot Framework JWTs for the configured bot identity.
 *
 * Belong authenticates each request itself, before it reads the activity (decision 023):
 * botbuilder's own `process` answers any failure that is not an `AuthenticationError` (a forged
 * token whose key cannot be matched, say) with 500, botbuilder's message in the body and a stack
 * on stderr. Here every failure is a plain `false`, and the turn runs through `processActivity`
 * with the result already checked.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { errorName, type Logger } from '../core/ports/logger.js';
import { localeOf } from './belong-bot.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { adaptiveCardContentType } from './cards/adaptive-card.js';
import { knownActivityType } from './log-values.js';

export interface BotIdentity {
  appId: string;
  password: string;
  tenantId: string;
  type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where Bot Framework channel tokens' signing keys are published (botbuilder's default if unset). */
  openIdMetadataUrl?: string;
  /** The same for emulator and skill tokens. */
  emulatorOpenIdMetadataUrl?: string;
}

/** A request's checked identity, as botbuilder's adapter takes it. */
export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/** How long a token check may take (a key fetch can hang); after it, the request is refused. */
const authTimeoutMs = 10_000;

export class BelongAdapter extends CloudAdapter {
  readonly #auth: ConfigurationBotFrameworkAuthentication;
  readonly #log: Logger;

  constructor(auth: ConfigurationBotFrameworkAuthentication, log: Logger) {
    super(auth);
    this.#auth = auth;
    this.#log = log;
  }

  /**
   * Checks the Authorization header alone (signature, issuer, audience, expiry, and that the
   * signing key is endorsed for Teams), before the body is read. Locally, where authentication is
   * off, every request passes.
   */
  async tokenIsValid(authHeader: string): Promise<boolean> {
    // Belong serves Teams only; with no service URL yet, that claim is checked by `authenticate`.
    const teams = { channelId: 'msteams' } as Activity;
    return (await this.#settle(this.#auth.authenticateRequest(teams, authHeader))) !== undefined;
  }

  /**
   * The full check for one activity (the token's service URL must be the activity's), or
   * undefined when it fails for any reason.
   */
  async authenticate(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult | undefined> {
    return this.#settle(this.#auth.authenticateRequest(activity, authHeader));
  }

  /** Runs an authenticated activity's turn; the invoke response, if the turn gave one. */
  async run(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, withDates(activity), logic);
  }

  async #settle<T>(check: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), authTimeoutMs);
    });
    try {
      const result = await Promise.race([check, timeout]);
      if (result === 'timeout') {
        this.#log.warn('bot.auth.refused', { error: 'Timeout' });
        return undefined;
      }
      return result;
    } catch (e) {
      // Only the error's class: botbuilder's messages name keys, app ids and service URLs.
      this.#log.warn('bot.auth.refused', { error: errorName(e) });
      return undefined;
    } finally {
      clearTimeout(timer);
      // A check that loses the race must not become an unhandled rejection.
      check.catch(() => undefined);
    }
  }
}

/** What botbuilder's `process` does to an incoming activity: its timestamps become Dates. */
function withDates(activity: Activity): Activity {
  const raw = activity as unknown as Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

export function createAdapter(identity: BotIdentity, log: Logger): BelongAdapter {
  const settings = {
    MicrosoftAppId: identity.appId,
    MicrosoftAppPassword: identity.password,
    MicrosoftAppTenantId: identity.tenantId,
    MicrosoftAppType: identity.type,
    // The public cloud's values, as botbuilder would pick them; spelt out because botbuilder takes
    // all of them as given once any is set, and tests set the key URLs (a fake key service).
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl:
      identity.openIdMetadataUrl ??
      'https://login.botframework.com/v1/.well-known/openidconfiguration',
    ToBotFromEmulatorOpenIdMetadataUrl:
      identity.emulatorOpenIdMetadataUrl ??
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const adapter = new BelongAdapter(auth, log);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('bot.turnError', {
      error: errorName(error),
      activityType: knownActivityType(context.activity.type),
    });
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
