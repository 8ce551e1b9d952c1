import type { TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { requireCommonJs } from '../cjs.js';
import { parseConfig } from '../config.js';
import { federatedAssertion, graphCredential, tokenExchangeScope } from './graph-credential.js';

const identity = requireCommonJs<typeof import('@azure/identity')>('@azure/identity');
const school = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const production = {
  BELONG_MODE: 'production',
  PUBLIC_URL: 'https://belong.example.org',
  BOT_ID: '0d8e3f3c-1111-4222-8333-444455556666',
  BOT_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: school,
  AAD_APP_CLIENT_ID: 'b7d1f9a2-5c3e-4d8f-9a1b-2c3d4e5f6a7b',
  ALLOWED_TENANT_IDS: school,
  STORAGE_ACCOUNT_URL: 'https://belongdata.table.core.windows.net',
  PSEUDONYM_SECRET: 'y'.repeat(40),
};

describe('the Graph credential (decision 029)', () => {
  it('is none locally: the fixture directory and demo names need no Graph', () => {
    expect(graphCredential(parseConfig({}))).toBeUndefined();
  });

  it('in Azure, is the app with the managed identity token as its client assertion (no secret)', async () => {
    const asked: string[] = [];
    const managedIdentity: TokenCredential = {
      getToken: async (scopes) => {
        asked.push(String(scopes));
        return { token: 'mi-token', expiresOnTimestamp: 8_640_000_000_000_000 };
      },
    };
    const credential = graphCredential(parseConfig(production), managedIdentity);
    expect(credential).toBeInstanceOf(identity.ClientAssertionCredential);
    expect(await federatedAssertion(managedIdentity)()).toBe('mi-token');
    expect(asked).toEqual([tokenExchangeScope]);
    expect(tokenExchangeScope).toBe('api://AzureADTokenExchange/.default');
    // Without a test double it is the user-assigned managed identity named by BOT_ID.
    expect(graphCredential(parseConfig(production))).toBeInstanceOf(
      identity.ClientAssertionCredential,
    );
  });

  it('with GRAPH_CLIENT_SECRET (a developer tunnel), is the app with its secret', () => {
    const config = parseConfig({
      ...production,
      BOT_TYPE: 'SingleTenant',
      BOT_PASSWORD: 'bot-secret',
      GRAPH_CLIENT_SECRET: 'graph-secret',
    });
    expect(graphCredential(config)).toBeInstanceOf(identity.ClientSecretCredential);
  });

  it('fails plainly when the managed identity gives no token', async () => {
    const silent: TokenCredential = { getToken: async () => null };
    await expect(federatedAssertion(silent)()).rejects.toThrow(/no token for the token exchange/);
  });
});
