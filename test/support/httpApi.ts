/**
 * The app's HTTP API called the way the tabs call it, for the suites that
 * drive the real server: JSON both ways, a bearer token once signed in
 * through the development sign-in.
 */
import { cardsIn, TENANT, type TeamsUser } from './botHarness';

/** A second tenant, to show that nothing crosses from one tenant to another. */
export const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-000000000002';

/** `baseUrl` is read at each call, as the server only starts in the suite's beforeAll. */
export function jsonApi(baseUrl: () => string) {
  return async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
}

export type JsonApi = ReturnType<typeof jsonApi>;

/** A Teams user's token and person id from the development sign-in. */
export async function devSignIn(api: JsonApi, teamsUserId: string, tenantId = TENANT): Promise<{ token: string; personId: string }> {
  const signedIn = await api('POST', '/api/v1/dev/sign-in', undefined, { teamsUserId, tenantId });
  if (signedIn.status !== 200) throw new Error(`sign-in of ${teamsUserId} answered ${signedIn.status}: ${JSON.stringify(signedIn.body)}`);
  return { token: signedIn.body.token, personId: signedIn.body.person.id };
}

/** Signs each user in, keeping their token and person id under the user's key. */
export async function signInEach(
  api: JsonApi,
  users: Record<string, TeamsUser>,
  into: { tokens: Record<string, string>; ids: Record<string, string> },
): Promise<void> {
  for (const [key, user] of Object.entries(users)) {
    const { token, personId } = await devSignIn(api, user.id);
    into.tokens[key] = token;
    into.ids[key] = personId;
  }
}

/** The program a registered person's `profile` card is about: the tenant's default program, for suites that register in chat. */
export async function profileProgramId(user: TeamsUser): Promise<string> {
  const [summary] = cardsIn(await user.say('profile'));
  const programId = JSON.stringify(summary).match(/"programId":"([0-9a-f-]{36})"/)?.[1];
  if (!programId) throw new Error('the profile card names no program');
  return programId;
}
