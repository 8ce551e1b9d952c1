/**
 * A fake Entra ID: serves a JWKS over HTTP and signs tokens shaped like Teams SSO access tokens,
 * so production-mode token checks run for real (signature, issuer, audience, expiry, tenant).
 */
import { jsonServer, tokenIssuer, type SignOptions } from './fake-token-issuer.js';

export interface FakeEntra {
  jwksUri: string;
  sign(
    claims: Record<string, unknown>,
    options?: Pick<SignOptions, 'expiresInSeconds' | 'key'>,
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const issuer = await tokenIssuer('trusted-key');
  // Every path answers the key set: the verifier is pointed at the JWKS itself.
  const server = await jsonServer(() => ({ keys: [issuer.jwk] }));
  return {
    jwksUri: `${server.base}/discovery/v2.0/keys`,
    sign: (claims, options) => issuer.sign(claims, options),
    close: server.close,
  };
}
