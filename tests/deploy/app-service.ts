/**
 * What the App Service process sees once infra/azure.bicep is deployed: the app settings the
 * Bicep declares, with the Agents Toolkit's `${{VAR}}` placeholders in infra/azure.parameters.json
 * filled from a made-up environment, and what Azure fills in (identity ids, the storage endpoint,
 * the Key Vault secret's URI) given made-up values; plus the variables the platform itself sets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillManifest } from '../../scripts/package-app.js';
import { evaluate, parseBicep, type BicepFile, type EvalContext } from './bicep-structure.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bicepPath = path.join(repo, 'infra/azure.bicep');
export const bicep: BicepFile = parseBicep(readFileSync(bicepPath, 'utf8'));

export const ids = {
  tenant: '3f0c2b1a-6d4e-4f7a-9b8c-1d2e3f4a5b6c',
  aadApp: '8435fb7d-f47f-4ab1-9fe5-3f905ef3c24a',
  identityClient: '0b6f2a51-7c3d-4e8f-a1b2-c3d4e5f60718',
  identityPrincipal: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  firstAdmin: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
};
export const pseudonymSecret = 'k'.repeat(48);
export const hostName = 'belongdev01-app-abc123.azurewebsites.net';

/** The env/.env.dev(.user) values the toolkit would have when it runs arm/deploy. */
export const toolkitEnv: Record<string, string> = {
  RESOURCE_SUFFIX: 'dev01',
  APP_NAME_SUFFIX: 'dev',
  AAD_APP_CLIENT_ID: ids.aadApp,
  ALLOWED_TENANT_IDS: ids.tenant,
  FIRST_ADMIN_OBJECT_IDS: ids.firstAdmin,
  SECRET_PSEUDONYM_SECRET: pseudonymSecret,
};

/** Stand-ins for what Azure Resource Manager fills in at deployment. */
export const runtime: Record<string, string> = {
  'storage.properties.primaryEndpoints.table': 'https://belongdev01abc.table.core.windows.net/',
  'identity.properties.clientId': ids.identityClient,
  'identity.properties.tenantId': ids.tenant,
  'identity.properties.principalId': ids.identityPrincipal,
  'pseudonymSecretResource.properties.secretUri':
    'https://belongdev01-kv-abc.vault.azure.net/secrets/PSEUDONYM-SECRET',
  'appInsights.properties.ConnectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  'webApp.properties.defaultHostName': hostName,
  'webApp.id':
    '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/belongdev01-app-abc123',
};

/** Parameter values: azure.parameters.json filled from `vars`, then each parameter's default. */
export function parameterValues(vars: Record<string, string> = toolkitEnv): Record<string, string> {
  const template = readFileSync(path.join(repo, 'infra/azure.parameters.json'), 'utf8');
  const file = fillManifest(template, vars) as { parameters: Record<string, { value: unknown }> };
  const values: Record<string, string> = {};
  const ctx: EvalContext = {
    params: values,
    runtime: { ...runtime, 'resourceGroup().location': 'uksouth' },
  };
  for (const p of bicep.params) {
    const given = file.parameters[p.name];
    if (given !== undefined) values[p.name] = String(given.value);
    else if (p.defaultExpr !== undefined) values[p.name] = evaluate(p.defaultExpr, ctx);
  }
  return values;
}

/** The app settings as App Service stores them (Key Vault references still unresolved). */
export function appSettings(vars: Record<string, string> = toolkitEnv): Record<string, string> {
  const ctx: EvalContext = { params: parameterValues(vars), runtime };
  return Object.fromEntries(bicep.appSettings.map((s) => [s.name, evaluate(s.expr, ctx)]));
}

/** Variables App Service Linux sets in the container itself. */
export const platformEnv = {
  WEBSITE_SITE_NAME: 'belongdev01-app-abc123',
  WEBSITE_HOSTNAME: hostName,
  PORT: '8080',
};

/**
 * The process environment on App Service: the settings with the Key Vault reference resolved
 * (as App Service does, when the identity may read the secret), plus the platform's variables.
 */
export function appServiceEnv(): Record<string, string> {
  const settings = appSettings();
  const resolved = Object.fromEntries(
    Object.entries(settings).map(([k, v]) => [
      k,
      v.startsWith('@Microsoft.KeyVault(') && k === 'PSEUDONYM_SECRET' ? pseudonymSecret : v,
    ]),
  );
  return { ...resolved, ...platformEnv };
}

/**
 * The server compiled once per test run (tsconfig.build.json, as `npm run build:server` does) into
 * its own folder under .tmp/, shared by the deploy suites: the first to ask compiles while holding
 * a lock directory, the others wait for its result. A run is the vitest process the workers were
 * forked from (`process.ppid`); folders of runs that have ended are removed. Other suites' builds
 * (build/server) are never read half-written. Its `server/main.js` is what `npm run serve` starts.
 */
export async function compiledServer(): Promise<string> {
  const tmp = path.join(repo, '.tmp');
  mkdirSync(tmp, { recursive: true });
  for (const entry of readdirSync(tmp)) {
    const run = /^deploy-server-(\d+)/.exec(entry);
    if (run && Number(run[1]) !== process.ppid && !isRunning(Number(run[1])))
      rmSync(path.join(tmp, entry), { recursive: true, force: true });
  }
  const outDir = path.join(tmp, `deploy-server-${process.ppid}`);
  const done = path.join(tmp, `deploy-server-${process.ppid}.done`);
  const failed = path.join(tmp, `deploy-server-${process.ppid}.failed`);
  let mine = false;
  try {
    mkdirSync(`${outDir}.lock`);
    mine = true;
  } catch {
    // Another suite of this run is compiling (or has compiled) it.
  }
  if (mine) {
    try {
      execFileSync(
        process.execPath,
        [
          path.join(repo, 'node_modules/typescript/bin/tsc'),
          '-p',
          'tsconfig.build.json',
          '--outDir',
          outDir,
        ],
        { cwd: repo, stdio: 'pipe' },
      );
      writeFileSync(done, '');
    } catch (error) {
      const out = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
      writeFileSync(failed, out);
    }
  }
  for (const started = performance.now(); performance.now() - started < 280_000;) {
    if (existsSync(done)) return outDir;
    if (existsSync(failed))
      throw new Error(`the server does not compile:\n${readFileSync(failed, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out waiting for the server to compile');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
