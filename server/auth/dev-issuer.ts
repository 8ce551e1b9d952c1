/**
 * Local mode's sign-in: the server issues short-lived tokens for the demo school's personas,
 * signed with a key made at start-up, and verifies them like any other token. Config refuses to
 * start in production with this enabled, and the routes that issue tokens only exist in local mode.
 */
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWTPayload,
} from 'jose';
import { BelongError } from '../../core/errors.js';
import { reason } from './entra-verifier.js';
import type { Principal, TokenVerifier } from './principal.js';

export const devIssuer = 'urn:belong:local-dev';
export const devAudience = 'urn:belong:local-tab';

export class DevIssuer implements TokenVerifier {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly jwks: ReturnType<typeof createLocalJWKSet>,
    private readonly allowedTenants: string[],
  ) {}

  static async create(allowedTenants: string[]): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'belong-dev', alg: 'ES256' };
    return new DevIssuer(privateKey, createLocalJWKSet({ keys: [jwk] }), allowedTenants);
  }

  async issue(
    principal: Principal,
    ttlSeconds = 8 * 3600,
    now = new Date(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({
      tid: principal.tenantId,
      oid: principal.userId,
      name: principal.displayName,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'belong-dev' })
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setSubject(principal.userId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.privateKey);
    return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload & { tid?: string; oid?: string; name?: string };
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: devIssuer,
        audience: devAudience,
        algorithms: ['ES256'],
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (e) {
      throw new BelongError('unauthenticated', reason(e));
    }
    if (!this.allowedTenants.includes(payload.tid!)) {
      throw new BelongError('unauthenticated', 'Token tenant is not a school this service serves');
    }
    return { tenantId: payload.tid!, userId: payload.oid!, displayName: payload.name ?? '' };
  }
}
