/**
 * What the fake token services (fake Entra, fake Bot Framework) share: a trusted RS256 key whose
 * public half they publish, an untrusted one for forgeries, and a signer for tokens valid from a
 * minute ago; and a small JSON server on a free local port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { wallMs } from '../../core/testing/wall-clock.js';

export interface SignOptions {
  expiresInSeconds?: number;
  /** 'untrusted': a key the service never published (a forgery). */
  key?: 'trusted' | 'untrusted';
  /** The key id in the header (default: the published key's). */
  kid?: string;
  /** Set as `iss` (otherwise the claims say, or there is none). */
  issuer?: string;
}

export interface TokenIssuer {
  /** The published public key. */
  jwk: JWK & Record<string, unknown>;
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
}

export async function tokenIssuer(
  kid: string,
  jwkExtra: Record<string, unknown> = {},
): Promise<TokenIssuer> {
  const trusted = await generateKeyPair('RS256');
  const untrusted = await generateKeyPair('RS256');
  return {
    jwk: { ...(await exportJWK(trusted.publicKey)), kid, alg: 'RS256', use: 'sig', ...jwkExtra },
    sign(claims, options = {}) {
      const now = Math.floor(wallMs() / 1000);
      const key = options.key === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? kid, typ: 'JWT' })
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + (options.expiresInSeconds ?? 3600));
      if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
      return jwt.sign(key);
    },
  };
}

/** A JSON server on a free local port: `answer(url)` gives the body, or undefined for a 404. */
export async function jsonServer(
  answer: (url: string, base: string) => unknown,
): Promise<{ base: string; close(): Promise<void> }> {
  let base = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const body = answer(req.url ?? '/', base);
    if (body === undefined) res.statusCode = 404;
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
