/**
 * A fake Bot Framework token service: serves an OpenID configuration and its JWKS over HTTP, as
 * login.botframework.com does, and signs channel tokens shaped like the ones Teams sends with each
 * activity (issuer https://api.botframework.com, audience the bot's app id, a serviceurl claim).
 * Point BOT_OPENID_METADATA_URL at `metadataUrl` and botbuilder checks them for real.
 */
import { jsonServer, tokenIssuer, type SignOptions } from './fake-token-issuer.js';

export const botFrameworkIssuer = 'https://api.botframework.com';

/** The served school, the bot and the connector the production-mode bot tests use. */
export const productionBot: Readonly<{ tenant: string; botId: string; serviceUrl: string }> = {
  tenant: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  botId: '0d8e3f3c-1111-4222-8333-444455556666',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
};

/**
 * The server's settings in production mode, serving `productionBot.tenant`, with every Bot
 * Framework key (channel, emulator and skill tokens) from this fake, so no test reaches the
 * internet.
 */
export function productionBotEnv(bf: FakeBotFramework): Record<string, string> {
  return {
    BELONG_MODE: 'production',
    PUBLIC_URL: 'https://belong.example.org',
    BOT_ID: productionBot.botId,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_OPENID_METADATA_URL: bf.metadataUrl,
    BOT_EMULATOR_OPENID_METADATA_URL: bf.metadataUrl,
    AAD_APP_CLIENT_ID: 'b7d1f9a2-5c3e-4d8f-9a1b-2c3d4e5f6a7b',
    ALLOWED_TENANT_IDS: productionBot.tenant,
    PSEUDONYM_SECRET: 'x'.repeat(40),
    GRAPH_CLIENT_SECRET: 'not-a-real-secret',
  };
}

export interface FakeBotFramework {
  metadataUrl: string;
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeBotFramework(): Promise<FakeBotFramework> {
  const issuer = await tokenIssuer('bf-key', { endorsements: ['msteams'] });
  const server = await jsonServer((url, base) =>
    url === '/v1/.well-known/openidconfiguration'
      ? { issuer: botFrameworkIssuer, jwks_uri: `${base}/v1/keys` }
      : url === '/v1/keys'
        ? { keys: [issuer.jwk] }
        : undefined,
  );
  return {
    metadataUrl: `${server.base}/v1/.well-known/openidconfiguration`,
    sign: (claims, options = {}) =>
      issuer.sign(claims, { ...options, issuer: options.issuer ?? botFrameworkIssuer }),
    close: server.close,
  };
}
