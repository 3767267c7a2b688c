/**
 * Turns an API request's bearer token into a Caller: the token must verify,
 * and its user must be someone Tandem knows (people are recorded when they
 * chat with the bot, which is also where their conversation for
 * notifications comes from).
 */
import type { Request } from 'restify';
import type { Caller } from '../auth/caller';
import { TokenRejected, type TokenVerifier, type VerifiedIdentity } from '../auth/tokens';
import type { Person } from '../store/repositories/people';
import type { Store } from '../store/store';
import { HttpProblem } from './problems';

export interface AuthenticatorDeps {
  verifier: TokenVerifier;
  store: Store;
  /** Entra object ids or Teams user ids of the tenant admins. */
  tenantAdmins: string[];
}

export function createAuthenticator(deps: AuthenticatorDeps): (req: Request) => Promise<Caller> {
  const tenantAdmins = new Set(deps.tenantAdmins.filter((id) => id !== ''));

  return async (req) => {
    const token = bearerToken(req.headers.authorization);
    let identity: VerifiedIdentity;
    try {
      identity = await deps.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRejected) throw new HttpProblem(401, error.reason);
      throw error;
    }
    const person = await findPerson(deps.store, identity);
    if (!person) throw new HttpProblem(403, 'You have not started a chat with Tandem yet.');
    const aadObjectId = person.aadObjectId ?? identity.objectId ?? null;
    return {
      tenantId: person.tenantId,
      personId: person.id,
      teamsUserId: person.teamsUserId,
      aadObjectId,
      name: person.name,
      isTenantAdmin: tenantAdmins.has(person.teamsUserId) || (aadObjectId !== null && tenantAdmins.has(aadObjectId)),
      via: identity.via,
    };
  };
}

function bearerToken(header: string | undefined): string {
  if (!header) throw new HttpProblem(401, 'Sign in first: send your Teams token as "Authorization: Bearer <token>".');
  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new HttpProblem(401, 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

async function findPerson(store: Store, identity: VerifiedIdentity): Promise<Person | undefined> {
  if (identity.personId) return store.people.get(identity.tenantId, identity.personId);
  if (identity.objectId) return store.people.findByAadObjectId(identity.tenantId, identity.objectId);
  return undefined;
}
