/**
 * Verifies Entra ID access tokens from Teams SSO: signature against the published JWKS, issuer
 * (v1 or v2 form) for the token's own tenant, audience (the tab's app id or its api:// URI),
 * expiry, the `access_as_user` scope, that Teams asked for it (`azp`/`appid`), that the tenant is
 * one of the schools this deployment serves, and that the person is not a guest there.
 * Decision record 024 says why there is no TeamsFx.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { BelongError } from '../../core/errors.js';
import type { Principal, TokenVerifier } from './principal.js';

export interface EntraVerifierOptions {
  jwksUri: string;
  authorityHost: string;
  audiences: string[];
  allowedTenants: string[];
  /** Clients that may ask for a token for Belong; by default the Teams clients. */
  clientApps?: readonly string[];
}

/** The scope the app registration exposes and Teams asks for. */
export const tabScope = 'access_as_user';

/**
 * Microsoft's Teams clients, pre-authorised on the app registration: desktop and mobile, and web.
 * Belong's tab is a Teams tab; Outlook and the Microsoft 365 app are not pre-authorised (024).
 */
export const teamsClientApps = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
] as const;

/** Problem codes the tab turns into words (a 401's `problems`). */
export const signInProblems = { tenant: 'tenantNotServed', guest: 'guestAccount' } as const;

interface EntraClaims extends JWTPayload {
  tid?: string;
  oid?: string;
  name?: string;
  scp?: string;
  idtyp?: string;
  /** v2 tokens: the client that asked for the token. */
  azp?: string;
  /** v1 tokens: the client that asked for the token. */
  appid?: string;
  /** The identity provider, when it is not the token's tenant (a guest from elsewhere). */
  idp?: string;
  /** Optional claim: 1 for a guest account in the tenant. */
  acct?: number;
}

export class EntraVerifier implements TokenVerifier {
  readonly #jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: EntraVerifierOptions) {
    this.#jwks = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<Principal> {
    let payload: EntraClaims;
    try {
      ({ payload } = await jwtVerify<EntraClaims>(token, this.#jwks, {
        audience: this.options.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (e) {
      // Not being able to fetch Microsoft's keys is our problem, not a bad token: don't sign people out.
      if (e instanceof errors.JWKSTimeout || !(e instanceof errors.JOSEError)) {
        throw new BelongError(
          'unavailable',
          'Sign-in keys could not be fetched; try again shortly',
        );
      }
      throw new BelongError('unauthenticated', reason(e));
    }
    // Only delegated (user) tokens: an app-only token for our audience is not a person.
    if (payload.idtyp === 'app' || !payload.scp) {
      throw new BelongError('unauthenticated', 'Token is not a signed-in user’s token');
    }
    if (!payload.scp.split(' ').includes(tabScope)) {
      throw new BelongError('unauthenticated', `Token does not grant ${tabScope}`);
    }
    const client = payload.azp ?? payload.appid;
    if (!client || !(this.options.clientApps ?? teamsClientApps).includes(client)) {
      throw new BelongError('unauthenticated', 'Token was not asked for by a Teams client');
    }
    const tid = payload.tid!;
    const issuers = [
      `${this.options.authorityHost}/${tid}/v2.0`,
      `https://sts.windows.net/${tid}/`,
    ];
    if (!payload.iss || !issuers.includes(payload.iss)) {
      throw new BelongError('unauthenticated', 'Token issuer is not the token tenant’s Entra ID');
    }
    if (!this.options.allowedTenants.includes(tid)) {
      throw new BelongError('unauthenticated', 'Token tenant is not a school this service serves', [
        signInProblems.tenant,
      ]);
    }
    // A guest signs in at home and is only visiting the school's tenant: Belong is for the
    // school's own accounts (pupils' data, safeguarding requests), so a guest is told to switch.
    if (payload.acct === 1 || (payload.idp !== undefined && !issuers.includes(payload.idp))) {
      throw new BelongError('unauthenticated', 'Guest accounts cannot use Belong', [
        signInProblems.guest,
      ]);
    }
    return { tenantId: tid, userId: payload.oid!, displayName: payload.name ?? '' };
  }
}

export function reason(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'Token has expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `Token claim ${e.claim} is not valid`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'Token signature is not valid';
  if (e instanceof errors.JWKSNoMatchingKey) return 'Token was not signed by a trusted key';
  if (e instanceof errors.JOSEError) return 'Token is not valid';
  return 'Token could not be checked';
}
