/**
 * Verifies Entra ID access tokens from Teams SSO: signature against the published JWKS, issuer
 * (v1 or v2 form) for the token's own tenant, audience (the tab's app id or its api:// URI),
 * expiry, and that the tenant is one of the schools this deployment serves.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { BelongError } from '../../core/errors.js';
import type { Principal, TokenVerifier } from './principal.js';

export interface EntraVerifierOptions {
  jwksUri: string;
  authorityHost: string;
  audiences: string[];
  allowedTenants: string[];
}

interface EntraClaims extends JWTPayload {
  tid?: string;
  oid?: string;
  name?: string;
  scp?: string;
  idtyp?: string;
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
    const tid = payload.tid!;
    const issuers = [
      `${this.options.authorityHost}/${tid}/v2.0`,
      `https://sts.windows.net/${tid}/`,
    ];
    if (!payload.iss || !issuers.includes(payload.iss)) {
      throw new BelongError('unauthenticated', 'Token issuer is not the token tenant’s Entra ID');
    }
    if (!this.options.allowedTenants.includes(tid)) {
      throw new BelongError('unauthenticated', 'Token tenant is not a school this service serves');
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
