/**
 * scripts/federate-graph-identity.ts (teamsapp.yml, after arm/deploy): the federated credential
 * that lets the managed identity sign in as the SSO app (decision 028), set through the Azure CLI.
 * The CLI is replaced by a recorder that answers as `az ad app federated-credential list` would.
 */
import { describe, expect, it } from 'vitest';
import {
  AUDIENCE,
  CREDENTIAL_NAME,
  desiredCredential,
  federate,
  parseArgs,
  type FederatedCredential,
} from '../../scripts/federate-graph-identity.js';

const args = {
  appObjectId: '11111111-2222-4333-8444-555555555555',
  tenant: '3f0c2b1a-6d4e-4f7a-9b8c-1d2e3f4a5b6c',
  principal: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

function fakeAz(existing: FederatedCredential[]) {
  const calls: string[][] = [];
  const run = (argv: string[]) => {
    calls.push(argv);
    return argv[3] === 'list' ? JSON.stringify(existing) : '{}';
  };
  return { calls, run };
}

describe('the federated credential on the SSO app', () => {
  it('trusts the managed identity: its tenant as issuer, its principal id as subject', () => {
    expect(desiredCredential(args)).toMatchObject({
      name: CREDENTIAL_NAME,
      issuer: `https://login.microsoftonline.com/${args.tenant}/v2.0`,
      subject: args.principal,
      audiences: ['api://AzureADTokenExchange'],
    });
    expect(AUDIENCE).toBe('api://AzureADTokenExchange');
  });

  it('is created when the app has none', () => {
    const az = fakeAz([{ name: 'someone-else', issuer: 'x', subject: 'y', audiences: [AUDIENCE] }]);
    expect(federate(args, az.run)).toBe('created');
    const create = az.calls[1]!;
    expect(create.slice(0, 6)).toEqual([
      'ad',
      'app',
      'federated-credential',
      'create',
      '--id',
      args.appObjectId,
    ]);
    expect(JSON.parse(create.at(-1)!)).toEqual(desiredCredential(args));
  });

  it('changes nothing when it is already right (provisioning again is safe)', () => {
    const az = fakeAz([desiredCredential(args)]);
    expect(federate(args, az.run)).toBe('unchanged');
    expect(az.calls).toHaveLength(1);
  });

  it('is corrected when it trusts another identity (e.g. after the identity was recreated)', () => {
    const az = fakeAz([{ ...desiredCredential(args), subject: 'old-principal' }]);
    expect(federate(args, az.run)).toBe('updated');
    expect(az.calls[1]).toContain('update');
    expect(az.calls[1]).toEqual(
      expect.arrayContaining(['--federated-credential-id', CREDENTIAL_NAME]),
    );
  });

  it('refuses arguments that are not GUIDs, naming the flag (an unfilled env value is empty)', () => {
    expect(() =>
      parseArgs([
        '--app-object-id',
        args.appObjectId,
        '--tenant',
        '',
        '--principal',
        args.principal,
      ]),
    ).toThrow(/--tenant must be a GUID/);
    expect(
      parseArgs([
        '--app-object-id',
        args.appObjectId,
        '--tenant',
        args.tenant,
        '--principal',
        args.principal,
      ]),
    ).toEqual(args);
  });
});
