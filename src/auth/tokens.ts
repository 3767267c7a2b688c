/**
 * Proves who sent an HTTP API request. Two kinds of bearer token:
 * - Teams single sign-on tokens (teams-js `authentication.getAuthToken()`),
 *   Entra access tokens for our app, RS256-signed with a key from Entra's JWKS;
 * - development sign-in tokens, only when the verifier is given a DevelopmentSignIn.
 * Every refusal is a TokenRejected with a reason saying which check failed.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { DEVELOPMENT_ISSUER, type DevelopmentSignIn } from './developmentSignIn';
import { TokenRejected } from './tokenRejected';

export { TokenRejected } from './tokenRejected';

export interface VerifiedIdentity {
  tenantId: string;
  /** The Entra object id (`oid`); set for Teams SSO. */
  objectId?: string;
  /** Tandem's person id; set for the development sign-in. */
  personId?: string;
  name?: string;
  via: 'teams-sso' | 'development';
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}

export interface TokenVerifierOptions {
  /** The Entra app the tab asks tokens for; without it Teams SSO tokens are refused. */
  clientId?: string;
  /** The host of the Application ID URI `api://{publicHostname}/{clientId}`. */
  publicHostname?: string;
  authorityHost: string;
  /** Where the signing keys are; Entra's common JWKS under `authorityHost` by default. */
  jwksUrl?: string;
  /** For single-tenant apps: the only tenants whose people may sign in. */
  allowedTenants?: string[];
  development?: DevelopmentSignIn;
}

// Entra's and the server's clocks drift a little; one minute is plenty.
const CLOCK_TOLERANCE_SECONDS = 60;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const authorityHost = options.authorityHost.replace(/\/+$/, '');
  const entra = options.clientId
    ? {
        clientId: options.clientId,
        audiences: [
          ...(options.publicHostname ? [`api://${options.publicHostname}/${options.clientId}`] : []),
          options.clientId,
        ],
        keys: createRemoteJWKSet(new URL(options.jwksUrl ?? `${authorityHost}/common/discovery/v2.0/keys`)),
      }
    : undefined;
  const allowedTenants = options.allowedTenants && options.allowedTenants.length > 0 ? new Set(options.allowedTenants) : undefined;

  async function verifyEntraToken(token: string): Promise<VerifiedIdentity> {
    if (!entra) throw new TokenRejected('Teams sign-in is not configured on this server.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, entra.keys, {
        algorithms: ['RS256'],
        audience: entra.audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (error) {
      throw new TokenRejected(describeEntraFailure(error));
    }
    const tenantId = payload.tid;
    if (typeof tenantId !== 'string' || tenantId === '') throw new TokenRejected('The token names no tenant (no "tid" claim).');
    // Entra signs every tenant's tokens with the same keys, so the issuer must be tied to the token's own tenant.
    const issuers = [`https://sts.windows.net/${tenantId}/`, `${authorityHost}/${tenantId}/v2.0`];
    if (typeof payload.iss !== 'string' || !issuers.includes(payload.iss)) {
      throw new TokenRejected('The token was not issued by Entra for its own tenant (wrong issuer).');
    }
    if (allowedTenants && !allowedTenants.has(tenantId)) {
      throw new TokenRejected('This server does not accept sign-ins from your organization.');
    }
    const objectId = payload.oid;
    if (typeof objectId !== 'string' || objectId === '') throw new TokenRejected('The token names no user (no "oid" claim).');
    const name = typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name : undefined;
    return { tenantId, objectId, ...(name ? { name } : {}), via: 'teams-sso' };
  }

  return {
    async verify(token) {
      const { alg, issuer } = peek(token);
      if (issuer === DEVELOPMENT_ISSUER) {
        if (!options.development) throw new TokenRejected('Development sign-in tokens are not accepted by this server.');
        const subject = await options.development.verify(token);
        return { tenantId: subject.tenantId, personId: subject.personId, via: 'development' };
      }
      // Checked before any key is fetched: refuses `alg: none` and HMAC-with-the-public-key forgeries outright.
      if (alg !== 'RS256') throw new TokenRejected('The token must be signed with RS256.');
      return verifyEntraToken(token);
    },
  };
}

/** The unverified header and issuer, only to decide which checks apply. */
function peek(token: string): { alg: string | undefined; issuer: string | undefined } {
  try {
    const header = decodeProtectedHeader(token);
    const payload = decodeJwt(token);
    return { alg: header.alg, issuer: payload.iss };
  } catch {
    throw new TokenRejected('The token is malformed.');
  }
}

function describeEntraFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    if (error.claim === 'aud') return 'The token is for another application (wrong audience).';
    if (error.reason === 'missing') return `The token has no "${error.claim}" claim.`;
    return `The token's "${error.claim}" claim is not valid.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was signed with a key Entra does not publish.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token must be signed with RS256.';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The token is malformed.';
  // Anything else (the key set could not be fetched, a timeout) is our problem, not the caller's.
  throw error;
}
