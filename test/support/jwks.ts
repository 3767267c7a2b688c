/**
 * Entra's signing keys, locally: a node HTTP server on a free port that
 * serves a JWKS at the path Entra uses (`/common/discovery/v2.0/keys`), so an
 * authority host of `http://127.0.0.1:<port>` works unchanged. `sign` makes
 * tokens the way Entra does (RS256, with the published key's `kid`); the
 * forgeries are the attacks the verifier must refuse.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type JWTPayload,
  type KeyLike,
} from 'jose';

export interface SignOptions {
  /** Seconds from now; negative for an expired token. Default one hour. */
  expiresInSeconds?: number;
  /** Seconds from now before which the token is not valid. */
  notBeforeSeconds?: number;
  /** 'unpublished': a key Entra never published, under the published key's kid. */
  key?: 'published' | 'unpublished';
}

export interface LocalEntraKeys {
  /** Use as `authorityHost`: the JWKS is at its `/common/discovery/v2.0/keys`. */
  authorityHost: string;
  jwksUrl: string;
  kid: string;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** `alg: none`, no signature. */
  unsigned(claims: JWTPayload): string;
  /** HS256 with the published public key (PEM) as the HMAC secret: the classic algorithm-confusion forgery. */
  signHs256WithPublicKey(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalEntraKeys(): Promise<LocalEntraKeys> {
  const kid = 'local-entra-key-1';
  const published = await generateKeyPair('RS256');
  const unpublished = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid, use: 'sig', alg: 'RS256' };
  const publicPem = await exportSPKI(published.publicKey);
  let fetches = 0;

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/common/discovery/v2.0/keys') {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not_found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const authorityHost = `http://127.0.0.1:${port}`;

  const withTimes = (jwt: SignJWT, options: SignOptions) => {
    const now = Math.floor(Date.now() / 1000);
    jwt.setIssuedAt(now - 5).setExpirationTime(now + (options.expiresInSeconds ?? 3600));
    if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
    return jwt;
  };

  return {
    authorityHost,
    jwksUrl: `${authorityHost}/common/discovery/v2.0/keys`,
    kid,
    fetches: () => fetches,
    async sign(claims, options = {}) {
      const key: KeyLike = options.key === 'unpublished' ? unpublished.privateKey : published.privateKey;
      return withTimes(new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }), options).sign(key);
    },
    unsigned(claims) {
      const now = Math.floor(Date.now() / 1000);
      return new UnsecuredJWT(claims).setIssuedAt(now).setExpirationTime(now + 3600).encode();
    },
    async signHs256WithPublicKey(claims) {
      return withTimes(new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid }), {}).sign(
        new TextEncoder().encode(publicPem),
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The key-set client keeps its connection alive; close would otherwise wait for it.
        server.closeAllConnections();
      }),
  };
}
