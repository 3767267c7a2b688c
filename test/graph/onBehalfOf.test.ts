/**
 * The on-behalf-of exchange (a Teams SSO token for a delegated Graph token)
 * through the real msal-node, against the fake Entra token endpoint.
 */
import { createOnBehalfOfTokenSource } from '../../src/graph/appTokens';
import { GraphError } from '../../src/graph/graphError';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

let fake: FakeGraph;
beforeAll(async () => {
  fake = await startFakeGraph();
});
afterAll(() => fake.close());

/** Shaped like a Teams SSO token (its signature is the app's verifier's concern, not Entra's here). */
function ssoToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part({
    aud: `api://tandem.contoso.com/${fake.settings.clientId}`,
    tid: fake.settings.tenantId,
    oid: 'oid-ann',
    name: 'Ann Lee',
    iat: now,
    exp: now + 3600,
    ...claims,
  })}.c2lnbmF0dXJl`;
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

it('exchanges the SSO token for a delegated Graph token for the same person, and caches it', async () => {
  const tokens = createOnBehalfOfTokenSource(fake.settings, fake.fetch);
  const sso = ssoToken({});
  const first = await tokens.getToken(sso);
  expect(claimsOf(first)).toMatchObject({ oid: 'oid-ann', idtyp: 'user', aud: 'https://graph.microsoft.com', scp: expect.stringContaining('Calendars') });
  const requestsBefore = fake.tokenRequests().length;
  expect(await tokens.getToken(sso)).toBe(first);
  expect(fake.tokenRequests().length).toBe(requestsBefore);
  const exchange = fake.tokenRequests().find((r) => r.body.includes('jwt-bearer'));
  expect(exchange?.body).toContain('requested_token_use=on_behalf_of');
});

it('refuses an expired SSO token or one issued to another app, without echoing the token', async () => {
  const tokens = createOnBehalfOfTokenSource(fake.settings, fake.fetch);
  const expired = ssoToken({ exp: Math.floor(Date.now() / 1000) - 60, oid: 'oid-expired' });
  const failure = await tokens.getToken(expired).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(GraphError);
  expect((failure as GraphError).code).toBe('invalid_grant');
  expect((failure as GraphError).message).toMatch(/AADSTS500133/);
  expect((failure as GraphError).message).not.toContain(expired);

  const otherApp = ssoToken({ aud: 'api://elsewhere/11111111-1111-4111-8111-111111111111', oid: 'oid-other' });
  await expect(tokens.getToken(otherApp)).rejects.toMatchObject({ code: 'invalid_grant' });
});
