/**
 * Who Belong is when it calls Microsoft Graph (decision 029): the Entra app registration named in
 * the manifest's `webApplicationInfo`, because resource-specific consent (RSC) is granted to that
 * app and to nothing else. In Azure it has no secret: the app trusts the user-assigned managed
 * identity through a federated credential, so Belong asks the managed identity for a token for
 * `api://AzureADTokenExchange` and hands it to Entra as the app's client assertion. A developer
 * tunnel without a managed identity uses GRAPH_CLIENT_SECRET instead. Storage keeps using the
 * managed identity itself (services.ts).
 */
import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../../core/ports/logger.js';
import { requireCommonJs } from '../cjs.js';
import type { Config } from '../config.js';
import { GraphClient } from './graph-client.js';

/** The audience Entra expects of a managed identity's token used as a federated assertion. */
export const tokenExchangeScope = 'api://AzureADTokenExchange/.default';

/** `@azure/identity`'s CommonJS build, the copy botbuilder already loaded (server/cjs.ts). */
const identity = () => requireCommonJs<typeof import('@azure/identity')>('@azure/identity');

/**
 * The Graph credential for this configuration; undefined in local mode (the fixture directory and
 * the demo school's names need none). `managedIdentity` is for tests, which bring a fake one.
 */
export function graphCredential(
  config: Pick<Config, 'mode' | 'bot' | 'graph'>,
  managedIdentity?: TokenCredential,
): TokenCredential | undefined {
  if (config.mode === 'local' || !config.graph.clientId) return undefined;
  const { clientId, clientSecret, tenantId, additionalTenants } = config.graph;
  const options = { additionallyAllowedTenants: additionalTenants };
  if (clientSecret)
    return new (identity().ClientSecretCredential)(tenantId, clientId, clientSecret, options);
  const mi =
    managedIdentity ??
    (config.bot.type === 'UserAssignedMSI'
      ? new (identity().ManagedIdentityCredential)({ clientId: config.bot.appId })
      : undefined);
  // Config refuses to start in production without one of the two; this is the belt to its braces.
  if (!mi) return undefined;
  return new (identity().ClientAssertionCredential)(
    tenantId,
    clientId,
    federatedAssertion(mi),
    options,
  );
}

/** The client assertion: the managed identity's own token for the token exchange audience. */
export function federatedAssertion(managedIdentity: TokenCredential): () => Promise<string> {
  return async () => {
    const token = await managedIdentity.getToken(tokenExchangeScope);
    if (!token) throw new Error('The managed identity gave no token for the token exchange');
    return token.token;
  };
}

/** Production's Graph client; refuses plainly when there is no way to be the app (config prevents it). */
export function graphClient(
  config: Pick<Config, 'mode' | 'bot' | 'graph' | 'graphBaseUrl'>,
  log: Logger,
  credential = graphCredential(config),
): GraphClient {
  if (!credential)
    throw new Error(
      'No Graph credential: set GRAPH_CLIENT_SECRET, or use BOT_TYPE UserAssignedMSI with a federated credential',
    );
  return new GraphClient({ baseUrl: config.graphBaseUrl, credential, log });
}
