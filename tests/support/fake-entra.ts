/**
 * A fake Entra ID: serves a JWKS over HTTP and signs tokens shaped like Teams SSO access tokens,
 * so production-mode token checks run for real (signature, issuer, audience, expiry, tenant).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { wallMs } from '../../core/testing/wall-clock.js';

export interface FakeEntra {
  jwksUri: string;
  sign(
    claims: Record<string, unknown>,
    options?: { expiresInSeconds?: number; key?: 'trusted' | 'untrusted' },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const trusted = await generateKeyPair('RS256');
  const untrusted = await generateKeyPair('RS256');
  const jwk = {
    ...(await exportJWK(trusted.publicKey)),
    kid: 'trusted-key',
    alg: 'RS256',
    use: 'sig',
  };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUri: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    async sign(claims, options = {}) {
      const now = Math.floor(wallMs() / 1000);
      const key = options.key === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'trusted-key', typ: 'JWT' })
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
        .sign(key);
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
