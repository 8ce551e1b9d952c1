/**
 * The Agents Toolkit lifecycles (teamsapp.yml for Azure, teamsapp.local.yml for a tunnel): every
 * `${{VAR}}` a step uses — in the YAML, or in a file the step reads (the Teams manifest and its
 * Welsh file, aad.manifest.json, the Bicep parameters) — is defined before that step runs: in
 * env/.env.<env>, by an earlier step's outputs (writeToEnvironmentFile, the Bicep outputs that
 * arm/deploy writes back, the permission id aadApp/update generates), or as a secret the env file
 * tells the admin to put in env/.env.<env>.user. And SSO is configured the way Teams needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlaceholders, parseEnvFile } from '../../scripts/package-app.js';
import { bicep, repo } from './app-service.js';

interface Step {
  uses: string;
  text: string;
  writes: string[];
}

/** Splits a lifecycle into its steps (`  - uses: …` blocks), in order, with what each writes. */
function steps(file: string): Step[] {
  const text = readFileSync(path.join(repo, file), 'utf8');
  const out: Step[] = [];
  let current: Step | undefined;
  let inWrites = false;
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const start = /^ {2}- uses: (\S+)/.exec(line);
    if (start) {
      current = { uses: start[1]!, text: '', writes: [] };
      out.push(current);
      inWrites = false;
      continue;
    }
    if (/^\S/.test(line)) current = undefined; // provision:, deploy:, publish:, version: …
    if (!current) continue;
    current.text += `${line}\n`;
    if (/^ {4}writeToEnvironmentFile:/.test(line)) inWrites = true;
    else if (/^ {4}\S/.test(line)) inWrites = false;
    else if (inWrites) {
      const write = /^ {6}\w+: (\w+)/.exec(line);
      if (write) current.writes.push(write[1]!);
    }
  }
  return out;
}

/** Files a step reads whose own placeholders the toolkit fills. */
function filesRead(step: Step): string[] {
  const files: string[] = [];
  for (const m of step.text.matchAll(/(?:manifestPath|parameters): (\.\/\S+)/g)) files.push(m[1]!);
  if (/manifest\/manifest\.json/.test(step.text)) files.push('./manifest/cy.json');
  return files;
}

function placeholdersOf(step: Step): string[] {
  const own = listPlaceholders(step.text);
  const read = filesRead(step).flatMap((f) =>
    listPlaceholders(readFileSync(path.join(repo, f), 'utf8')),
  );
  return [...new Set([...own, ...read])];
}

/** Secrets the env file asks for in env/.env.<env>.user (named in its comments). */
function userSecrets(envText: string): string[] {
  return [...envText.matchAll(/\b(SECRET_[A-Z_]+)=/g)].map((m) => m[1]!);
}

function undefinedPlaceholders(lifecycle: Step[], envName: string): string[] {
  const envText = readFileSync(path.join(repo, 'env', `.env.${envName}`), 'utf8');
  // Keys listed under "# Written by provisioning." are there to be filled by steps, not by the
  // admin: they count only once a step has written them.
  const [byAdmin = ''] = envText.split(/^# Written by provisioning\.$/m);
  const defined = new Set([...Object.keys(parseEnvFile(byAdmin)), ...userSecrets(envText)]);
  const missing: string[] = [];
  for (const step of lifecycle) {
    for (const name of placeholdersOf(step))
      if (!defined.has(name) && !(step.uses === 'aadApp/update' && name === permissionId))
        missing.push(`${step.uses}: \${{${name}}}`);
    for (const name of step.writes) defined.add(name);
    if (step.uses === 'arm/deploy') for (const o of bicep.outputs) defined.add(o.name);
    if (step.uses === 'aadApp/update') defined.add(permissionId);
  }
  return missing;
}

// aadApp/update generates it the first time, when the environment has none.
const permissionId = 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID';

describe('every ${{VAR}} is defined before the step that uses it', () => {
  it('in teamsapp.yml with env/.env.dev', () => {
    expect(undefinedPlaceholders(steps('teamsapp.yml'), 'dev')).toEqual([]);
  });

  it('in teamsapp.local.yml with env/.env.local', () => {
    expect(undefinedPlaceholders(steps('teamsapp.local.yml'), 'local')).toEqual([]);
  });

  it('and the check can fail: without arm/deploy, the Bicep outputs are undefined where used', () => {
    const withoutAzure = steps('teamsapp.yml').filter((s) => s.uses !== 'arm/deploy');
    expect(undefinedPlaceholders(withoutAzure, 'dev')).toEqual(
      expect.arrayContaining([
        'aadApp/update: ${{BOT_DOMAIN}}',
        'cli/runNpxCommand: ${{IDENTITY_PRINCIPAL_ID}}',
        'teamsApp/validateManifest: ${{BOT_ID}}',
      ]),
    );
  });
});

describe('the order of the Azure lifecycle', () => {
  const order = (phase: 'provision' | 'publish'): string[] => {
    const text = readFileSync(path.join(repo, 'teamsapp.yml'), 'utf8');
    const rest = text.slice(text.indexOf(`\n${phase}:\n`) + 1);
    const next = rest.search(/\n[a-z]+:\n/);
    const block = next > 0 ? rest.slice(0, next) : rest;
    return [...block.matchAll(/- uses: (\S+)/g)].map((m) => m[1]!);
  };

  it('provision: SSO app, Teams app, Azure, then SSO for the domain, federation, package checks', () => {
    expect(order('provision')).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'arm/deploy',
      'aadApp/update',
      'cli/runNpxCommand',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('publish validates the package before it is submitted', () => {
    const publish = order('publish');
    expect(publish.indexOf('teamsApp/validateAppPackage')).toBeGreaterThan(
      publish.indexOf('teamsApp/zipAppPackage'),
    );
    expect(publish.at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('deploys the staged package folder, not the repository', () => {
    const deploy = steps('teamsapp.yml').find((s) => s.uses === 'azureAppService/zipDeploy')!;
    expect(deploy.text).toMatch(/artifactFolder: \.\/build\/deploy\n/);
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['package:deploy']).toMatch(/scripts\/deploy-package\.ts/);
  });
});

describe('aad.manifest.json (SSO for the tab)', () => {
  const aad = JSON.parse(readFileSync(path.join(repo, 'aad.manifest.json'), 'utf8')) as {
    id: string;
    appId: string;
    identifierUris: string[];
    oauth2Permissions: { value: string; id: string; type: string; isEnabled: boolean }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    signInAudience: string;
    accessTokenAcceptedVersion: number;
    requiredResourceAccess: {
      resourceAppId: string;
      resourceAccess: { id: string; type: string }[];
    }[];
  };

  it('names the app the toolkit created, and the identifier URI Teams asks a token for', () => {
    expect(aad.id).toBe('${{AAD_APP_OBJECT_ID}}');
    expect(aad.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    const manifest = readFileSync(path.join(repo, 'manifest/manifest.json'), 'utf8');
    const resource = (JSON.parse(manifest) as { webApplicationInfo: { resource: string } })
      .webApplicationInfo.resource;
    expect(aad.identifierUris).toEqual([resource]);
    expect(resource).toBe('api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}');
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.accessTokenAcceptedVersion).toBe(2);
  });

  it('asks Graph for sign-in (User.Read) and, as an application, display names (User.Read.All)', () => {
    expect(aad.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: 'User.Read.All', type: 'Role' },
        ],
      },
    ]);
  });

  it('exposes access_as_user and pre-authorises the Teams desktop/web and mobile clients for it', () => {
    expect(aad.oauth2Permissions).toHaveLength(1);
    const scope = aad.oauth2Permissions[0]!;
    expect(scope).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true });
    expect(aad.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', permissionIds: [scope.id] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', permissionIds: [scope.id] },
    ]);
  });
});
