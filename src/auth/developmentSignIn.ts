/**
 * Signing in without Entra, for local runs with the Agents Playground and for
 * tests: the server issues short-lived tokens for a person it already knows.
 * The secret is random per process, so a restart signs everyone out and no
 * token can outlive the process that made it.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { TokenRejected } from './tokenRejected';

/** The `iss` of development tokens; the token verifier routes on it. */
export const DEVELOPMENT_ISSUER = 'urn:tandem:development-sign-in';

const LIFETIME_SECONDS = 8 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DevelopmentSubject {
  tenantId: string;
  personId: string;
}

export interface DevelopmentSignIn {
  /** A token for the person, valid for 8 hours. */
  issue(subject: DevelopmentSubject): Promise<string>;
  /** The person a token was issued for; throws TokenRejected otherwise. */
  verify(token: string): Promise<DevelopmentSubject>;
}

export function createDevelopmentSignIn(): DevelopmentSignIn {
  const secret = randomBytes(32);
  return {
    async issue({ tenantId, personId }) {
      return new SignJWT({ tid: tenantId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(DEVELOPMENT_ISSUER)
        .setAudience(DEVELOPMENT_ISSUER)
        .setSubject(personId)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + LIFETIME_SECONDS)
        .sign(secret);
    },

    async verify(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, secret, {
          algorithms: ['HS256'],
          issuer: DEVELOPMENT_ISSUER,
          audience: DEVELOPMENT_ISSUER,
        }));
      } catch (error) {
        throw new TokenRejected(describeDevelopmentFailure(error));
      }
      const { tid, sub } = payload;
      if (typeof tid !== 'string' || typeof sub !== 'string' || !UUID.test(sub)) {
        throw new TokenRejected('The development sign-in token names no person.');
      }
      return { tenantId: tid, personId: sub };
    },
  };
}

function describeDevelopmentFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    // The usual cause: the server restarted and made a new secret.
    return 'The development sign-in token is not from this run of the server; sign in again.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'Development sign-in tokens must be signed with HS256.';
  if (error instanceof errors.JOSEError) return 'The development sign-in token is not valid.';
  throw error;
}
