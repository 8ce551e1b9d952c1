/**
 * Lets the App Service's managed identity sign in as Belong's SSO app registration, so the server
 * calls Microsoft Graph as the app that holds the teams' RSC grants, with no client secret
 * (decision 028). It adds (or corrects) one federated identity credential on the app:
 *
 *   issuer   https://login.microsoftonline.com/<tenant>/v2.0
 *   subject  the managed identity's principal (object) id
 *   audience api://AzureADTokenExchange
 *
 * Run by teamsapp.yml after arm/deploy (which outputs IDENTITY_PRINCIPAL_ID), through the Azure
 * CLI the admin is signed in with (`az login`; they need to own the app or be an Application
 * Administrator). Running it again changes nothing.
 *
 *   npx tsx scripts/federate-graph-identity.ts --app-object-id <id> --tenant <id> --principal <id>
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CREDENTIAL_NAME = 'belong-app-service';
export const AUDIENCE = 'api://AzureADTokenExchange';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FederationArgs {
  appObjectId: string;
  tenant: string;
  principal: string;
}

export interface FederatedCredential {
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
  description?: string;
}

export function desiredCredential(args: FederationArgs): FederatedCredential {
  return {
    name: CREDENTIAL_NAME,
    issuer: `https://login.microsoftonline.com/${args.tenant}/v2.0`,
    subject: args.principal,
    audiences: [AUDIENCE],
    description: "Belong's App Service managed identity calls Microsoft Graph as this app",
  };
}

export function parseArgs(argv: string[]): FederationArgs {
  const read = (flag: string): string => {
    const at = argv.indexOf(flag);
    const value = at >= 0 ? argv[at + 1] : undefined;
    if (!value || !GUID.test(value))
      throw new Error(
        `${flag} must be a GUID (got ${value === undefined ? 'nothing' : `"${value}"`})`,
      );
    return value;
  };
  return {
    appObjectId: read('--app-object-id'),
    tenant: read('--tenant'),
    principal: read('--principal'),
  };
}

type Az = (args: string[]) => string;
const az: Az = (args) =>
  execFileSync('az', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Creates the credential, or updates it when it exists but differs; returns what it did. */
export function federate(args: FederationArgs, run: Az = az): 'created' | 'updated' | 'unchanged' {
  const want = desiredCredential(args);
  const existing = JSON.parse(
    run(['ad', 'app', 'federated-credential', 'list', '--id', args.appObjectId, '-o', 'json']),
  ) as FederatedCredential[];
  const found = existing.find((c) => c.name === CREDENTIAL_NAME);
  const same =
    found &&
    found.issuer === want.issuer &&
    found.subject === want.subject &&
    found.audiences.length === 1 &&
    found.audiences[0] === AUDIENCE;
  if (same) return 'unchanged';
  const verb = found ? 'update' : 'create';
  run([
    'ad',
    'app',
    'federated-credential',
    verb,
    '--id',
    args.appObjectId,
    ...(found ? ['--federated-credential-id', CREDENTIAL_NAME] : []),
    '--parameters',
    JSON.stringify(want),
  ]);
  return found ? 'updated' : 'created';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const done = federate(args);
    console.log(`Federated credential "${CREDENTIAL_NAME}" on the SSO app: ${done}.`);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    console.error(
      `✖ Could not set the federated credential: ${stderr?.trim() || (error as Error).message}\n` +
        '  Sign in with `az login` as an owner of the app (or an Application Administrator); see docs/deploy.md.',
    );
    process.exit(1);
  }
}
