/**
 * infra/azure.bicep, read by structure (no Bicep compiler is reachable offline; docs/deploy.md
 * says the admin needs `bicep` on their PATH): its parameters, resources and API versions,
 * outputs, and the app settings, which the real config parser must accept as App Service would
 * run them (issue 19: before this, production refused to start without PUBLIC_URL, and then
 * listened on 127.0.0.1 only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.js';
import { parseBicep } from './bicep-structure.js';
import {
  appServiceEnv,
  appSettings,
  bicep,
  hostName,
  ids,
  parameterValues,
  platformEnv,
  pseudonymSecret,
  repo,
} from './app-service.js';

/**
 * The resource types and API versions the template may use, checked by hand against the
 * Azure resource reference (learn.microsoft.com/azure/templates) on 7 December 2026. A new
 * resource or version must be added here deliberately, after checking it exists.
 */
const knownApiVersions: Record<string, string> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2023-01-31',
  'Microsoft.OperationalInsights/workspaces': '2023-09-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Storage/storageAccounts': '2023-05-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.KeyVault/vaults': '2023-07-01',
  'Microsoft.KeyVault/vaults/secrets': '2023-07-01',
  'Microsoft.Web/serverfarms': '2023-12-01',
  'Microsoft.Web/sites': '2023-12-01',
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
  'Microsoft.BotService/botServices': '2022-09-15',
  'Microsoft.BotService/botServices/channels': '2022-09-15',
};

describe('the structure of infra/azure.bicep', () => {
  it('uses only known resource types at their known API versions', () => {
    expect(bicep.resources.length).toBeGreaterThan(10);
    for (const r of bicep.resources) {
      expect(knownApiVersions[r.type], `${r.symbol}: ${r.type}`).toBe(r.apiVersion);
    }
  });

  it('runs a supported Node.js LTS, the one package.json engines and the smoke test name', () => {
    const params = parameterValues();
    expect(params.linuxFxVersion).toBe('NODE|24-lts');
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toContain('^24');
    expect(params.startupCommand).toBe('npm run serve');
  });

  it('gets every parameter without a default from azure.parameters.json, and nothing else', () => {
    const file = JSON.parse(
      readFileSync(path.join(repo, 'infra/azure.parameters.json'), 'utf8'),
    ) as { parameters: Record<string, unknown> };
    const names = bicep.params.map((p) => p.name);
    for (const name of Object.keys(file.parameters)) expect(names).toContain(name);
    for (const p of bicep.params.filter((p) => p.defaultExpr === undefined))
      expect(Object.keys(file.parameters)).toContain(p.name);
    const secret = bicep.params.find((p) => p.name === 'pseudonymSecret')!;
    expect(secret.decorators).toContain('@secure()');
  });

  it('outputs what teamsapp.yml and the manifest use after arm/deploy', () => {
    expect(bicep.outputs.map((o) => o.name).sort()).toEqual(
      [
        'AZURE_APP_SERVICE_RESOURCE_ID',
        'BOT_DOMAIN',
        'BOT_ENDPOINT',
        'BOT_ID',
        'BOT_TENANT_ID',
        'IDENTITY_PRINCIPAL_ID',
        'STORAGE_ACCOUNT_URL',
      ].sort(),
    );
  });

  it('reads comments and strings apart: a `//` inside a string is not a comment', () => {
    const parsed = parseBicep(
      "param a string = 'https://x' // note\nresource r 'A.B/c@2020-01-01' = {\n  appSettings: [\n    { name: 'U', value: 'https://${a}/y' } // z\n  ]\n}\n",
    );
    expect(parsed.params).toEqual([
      { name: 'a', type: 'string', defaultExpr: "'https://x'", decorators: [] },
    ]);
    expect(parsed.appSettings).toEqual([{ name: 'U', expr: "'https://${a}/y'" }]);
  });
});

describe('the app settings, as App Service runs them', () => {
  it('hold no secret in plain text: the pseudonym key is a Key Vault reference', () => {
    const settings = appSettings();
    expect(settings.PSEUDONYM_SECRET).toBe(
      '@Microsoft.KeyVault(SecretUri=https://belongdev01-kv-abc.vault.azure.net/secrets/PSEUDONYM-SECRET)',
    );
    expect(JSON.stringify(settings)).not.toContain(pseudonymSecret);
    expect(settings).not.toHaveProperty('BOT_PASSWORD');
    expect(settings).not.toHaveProperty('STORAGE_CONNECTION_STRING');
  });

  it('start the real config parser in production on all interfaces, at the public host name', () => {
    const config = parseConfig(appServiceEnv());
    expect(config.mode).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe(`https://${hostName}`);
    expect(config.storage).toEqual({
      kind: 'accountUrl',
      accountUrl: 'https://belongdev01abc.table.core.windows.net/',
    });
    expect(config.bot).toMatchObject({
      appId: ids.identityClient,
      tenantId: ids.tenant,
      type: 'UserAssignedMSI',
      password: '',
    });
    expect(config.auth).toMatchObject({
      devIssuer: false,
      audience: ids.aadApp,
      allowedTenants: [ids.tenant],
    });
    expect(config.pseudonymSecret).toBe(pseudonymSecret);
    expect(config.demoSeed).toBe(false);
  });

  it('name the SSO app as the Graph client, signed in by the managed identity (decision 028)', () => {
    const settings = appSettings();
    expect(settings.GRAPH_CLIENT_ID).toBe(ids.aadApp);
    expect(settings).not.toHaveProperty('GRAPH_CLIENT_SECRET');
    expect(settings.AZURE_CLIENT_ID).toBe(ids.identityClient);
    const config = parseConfig(appServiceEnv());
    expect(config.graph).toMatchObject({ clientId: ids.aadApp, tenantId: ids.tenant });
    expect(config.graph.clientSecret).toBeUndefined();
  });

  it("name the school's first admins, so a new school can give roles (decision 035)", () => {
    const config = parseConfig(appServiceEnv());
    expect(config.auth.firstAdmins).toEqual([ids.firstAdmin]);
    expect(config.auth.allowedTenants).toEqual([ids.tenant]);
  });

  it('refuse to start when App Service could not resolve the Key Vault reference', () => {
    const env = { ...appSettings(), ...platformEnv };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(/unresolved Key Vault reference/);
  });

  it('refuse to start with no public URL at all (neither PUBLIC_URL nor WEBSITE_HOSTNAME)', () => {
    const { WEBSITE_HOSTNAME: _unused, ...env } = appServiceEnv();
    expect(() => parseConfig(env)).toThrow(/PUBLIC_URL is required/);
    expect(parseConfig({ ...env, PUBLIC_URL: 'https://belong.example.sch.uk' }).publicUrl).toBe(
      'https://belong.example.sch.uk',
    );
  });
});
