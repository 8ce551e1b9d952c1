import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const production = {
  BELONG_MODE: 'production',
  PUBLIC_URL: 'https://belong.example.org',
  BOT_ID: '0d8e3f3c-1111-4222-8333-444455556666',
  BOT_PASSWORD: 'secret',
  AAD_APP_CLIENT_ID: 'b7d1f9a2-5c3e-4d8f-9a1b-2c3d4e5f6a7b',
  ALLOWED_TENANT_IDS: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  STORAGE_ACCOUNT_URL: 'https://belongdata.table.core.windows.net',
  PSEUDONYM_SECRET: 'y'.repeat(40),
  GRAPH_CLIENT_SECRET: 'not-a-real-secret',
};

describe('configuration', () => {
  it('local mode needs nothing and turns on dev sign-in, the demo seed and Azurite', () => {
    const config = parseConfig({});
    expect(config.mode).toBe('local');
    expect(config.auth.devIssuer).toBe(true);
    expect(config.demoSeed).toBe(true);
    expect(config.demoCheckins).toBe(true);
    expect(config.storage.kind).toBe('connectionString');
    expect(config.port).toBe(3978);
  });

  it('a complete production configuration parses, with dev sign-in off', () => {
    const config = parseConfig(production);
    expect(config.auth.devIssuer).toBe(false);
    expect(config.demoSeed).toBe(false);
    expect(config.demoCheckins).toBe(false);
    expect(config.auth.allowedTenants).toEqual(['3f2504e0-4f89-11d3-9a0c-0305e82c3301']);
  });

  it('production with dev sign-in enabled refuses to start, saying why', () => {
    expect(() => parseConfig({ ...production, DEV_AUTH: 'true' })).toThrow(
      /DEV_AUTH is on in production mode/,
    );
  });

  it('production with the dev clock refuses to start; local mode only moves it when asked', () => {
    expect(() => parseConfig({ ...production, DEV_CLOCK: 'true' })).toThrow(
      /DEV_CLOCK is on in production mode/,
    );
    expect(parseConfig({}).devClock).toBe(false);
    expect(parseConfig({ DEV_CLOCK: 'true' }).devClock).toBe(true);
    expect(() => parseConfig({ ...production, DEMO_CHECKINS: 'true' })).toThrow(
      /DEMO_CHECKINS is on in production mode/,
    );
    expect(parseConfig({ DEMO_SEED: 'false' }).demoCheckins).toBe(false);
    expect(() => parseConfig({ ...production, DEV_CLOCK_START: '2026-11-24T10:00:00Z' })).toThrow(
      /DEV_CLOCK_START is set in production mode/,
    );
    const started = parseConfig({ DEV_CLOCK_START: '2026-11-24T10:00:00Z' });
    expect(started.devClock).toBe(true);
    expect(started.devClockStart?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(() => parseConfig({ DEV_CLOCK_START: '24/11/2026' })).toThrow(/DEV_CLOCK_START/);
    expect(() => parseConfig({ SCHEDULE_GRACE_MINUTES: '1', SCHEDULER_TICK_MS: '60000' })).toThrow(
      /SCHEDULE_GRACE_MINUTES must be longer/,
    );
    expect(parseConfig({}).scheduler).toEqual({ worker: true, tickMs: 20_000, graceMs: 7_200_000 });
  });

  it('production without the bot identity, audience, tenants, storage or pseudonym secret lists every problem', () => {
    try {
      parseConfig({ BELONG_MODE: 'production' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      for (const name of [
        'BOT_ID',
        'AAD_APP_CLIENT_ID',
        'ALLOWED_TENANT_IDS',
        'STORAGE_ACCOUNT_URL',
        'PSEUDONYM_SECRET',
        'PUBLIC_URL',
      ]) {
        expect(message).toContain(name);
      }
    }
  });

  it('rejects malformed values', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ BELONG_MODE: 'staging' })).toThrow(/BELONG_MODE/);
    expect(() => parseConfig({ TABLE_PREFIX: '1-bad' })).toThrow(/TABLE_PREFIX/);
    expect(() => parseConfig({ ...production, ALLOWED_TENANT_IDS: 'contoso' })).toThrow(
      /not a GUID/,
    );
    expect(() => parseConfig({ ...production, PSEUDONYM_SECRET: 'short' })).toThrow(
      /PSEUDONYM_SECRET/,
    );
  });
});

describe('local mode cannot run somewhere real by accident', () => {
  it.each([
    [{ HOST: '0.0.0.0' }, /HOST 0.0.0.0 is not loopback/],
    [
      { STORAGE_ACCOUNT_URL: 'https://x.table.core.windows.net' },
      /STORAGE_ACCOUNT_URL is set in local mode/,
    ],
    [{ WEBSITE_SITE_NAME: 'belong-prod' }, /Azure App Service/],
  ])('%j refuses to start', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('the identity Graph is called as (decision 029)', () => {
  const tenantId = production.ALLOWED_TENANT_IDS;

  it('is the tab app (webApplicationInfo) unless GRAPH_CLIENT_ID names another, in the school tenant', () => {
    expect(parseConfig(production).graph).toEqual({
      clientId: production.AAD_APP_CLIENT_ID,
      clientSecret: 'not-a-real-secret',
      tenantId,
      additionalTenants: [],
    });
    const other = 'c0ffee00-1111-4222-8333-444455556666';
    expect(parseConfig({ ...production, GRAPH_CLIENT_ID: other }).graph.clientId).toBe(other);
    expect(() => parseConfig({ ...production, GRAPH_CLIENT_ID: 'belong' })).toThrow(
      /GRAPH_CLIENT_ID: must be a GUID/,
    );
  });

  it('needs no secret with the managed identity (federated credential), and a secret without it', () => {
    const msi = {
      ...production,
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: tenantId,
      BOT_PASSWORD: undefined,
      GRAPH_CLIENT_SECRET: undefined,
    };
    expect(parseConfig(msi).graph.clientSecret).toBeUndefined();
    expect(() => parseConfig({ ...production, GRAPH_CLIENT_SECRET: undefined })).toThrow(
      /GRAPH_CLIENT_SECRET is required for BOT_TYPE MultiTenant/,
    );
  });
});
