import { createDevelopmentSignIn } from '../../src/auth/developmentSignIn';
import { createTokenVerifier, TokenRejected, type TokenVerifier } from '../../src/auth/tokens';
import { startLocalEntraKeys, type LocalEntraKeys } from '../support/jwks';

const clientId = '5a1d8b0e-7c2f-4b7a-9a55-0c3c2a1d9f10';
const publicHostname = 'tandem.contoso.example';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const otherTenantId = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const oid = '4d3f6a2b-1e0c-4b9a-8f7e-6d5c4b3a2f10';

let keys: LocalEntraKeys;
let verifier: TokenVerifier;

beforeAll(async () => {
  keys = await startLocalEntraKeys();
  verifier = createTokenVerifier({ clientId, publicHostname, authorityHost: keys.authorityHost });
});
afterAll(() => keys.close());

const v1Claims = (overrides: Record<string, unknown> = {}) => ({
  ver: '1.0',
  iss: `https://sts.windows.net/${tenantId}/`,
  aud: `api://${publicHostname}/${clientId}`,
  tid: tenantId,
  oid,
  name: 'Ada Lovelace',
  scp: 'access_as_user',
  ...overrides,
});
const v2Claims = (overrides: Record<string, unknown> = {}) => ({
  ver: '2.0',
  iss: `${keys.authorityHost}/${tenantId}/v2.0`,
  aud: clientId,
  tid: tenantId,
  oid,
  name: 'Ada Lovelace',
  scp: 'access_as_user',
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenRejected) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('Teams SSO tokens', () => {
  it('accepts a v1 token for the Application ID URI, fetching keys from the authority host', async () => {
    const identity = await verifier.verify(await keys.sign(v1Claims()));
    expect(identity).toEqual({ tenantId, objectId: oid, name: 'Ada Lovelace', via: 'teams-sso' });
    expect(keys.fetches()).toBeGreaterThanOrEqual(1);
  });

  it('accepts a v2 token whose audience is the client id', async () => {
    const identity = await verifier.verify(await keys.sign(v2Claims({ name: undefined })));
    expect(identity).toEqual({ tenantId, objectId: oid, via: 'teams-sso' });
  });

  it('uses an explicit JWKS URL and a trailing slash on the authority host', async () => {
    const explicit = createTokenVerifier({ clientId, authorityHost: `${keys.authorityHost}/`, jwksUrl: keys.jwksUrl });
    await expect(explicit.verify(await keys.sign(v2Claims()))).resolves.toMatchObject({ objectId: oid });
  });

  it('refuses expired tokens and tokens not valid yet', async () => {
    expect(await rejection(verifier.verify(await keys.sign(v1Claims(), { expiresInSeconds: -120 })))).toBe('The token has expired.');
    expect(await rejection(verifier.verify(await keys.sign(v1Claims(), { notBeforeSeconds: 600 })))).toBe('The token is not valid yet.');
  });

  it('refuses a token for another application', async () => {
    for (const aud of ['api://tandem.contoso.example/00000000-0000-0000-0000-000000000000', `api://elsewhere.example/${clientId}`, 'https://graph.microsoft.com']) {
      expect(await rejection(verifier.verify(await keys.sign(v1Claims({ aud })))))
        .toBe('The token is for another application (wrong audience).');
    }
  });

  it('accepts the api:// audience only when a public hostname is configured', async () => {
    const withoutHost = createTokenVerifier({ clientId, authorityHost: keys.authorityHost });
    expect(await rejection(withoutHost.verify(await keys.sign(v1Claims())))).toBe('The token is for another application (wrong audience).');
    await expect(withoutHost.verify(await keys.sign(v1Claims({ aud: clientId })))).resolves.toMatchObject({ tenantId });
  });

  it('refuses an issuer that names a different tenant than the tid claim', async () => {
    const wrongIssuers = [
      `https://sts.windows.net/${otherTenantId}/`,
      `${keys.authorityHost}/${otherTenantId}/v2.0`,
      `https://login.evil.example/${tenantId}/v2.0`,
      `${keys.authorityHost}/common/v2.0`,
    ];
    for (const iss of wrongIssuers) {
      expect(await rejection(verifier.verify(await keys.sign(v2Claims({ iss })))))
        .toBe('The token was not issued by Entra for its own tenant (wrong issuer).');
    }
    expect(await rejection(verifier.verify(await keys.sign(v2Claims({ tid: undefined }))))).toBe('The token names no tenant (no "tid" claim).');
  });

  it('refuses tenants a single-tenant server does not allow', async () => {
    const singleTenant = createTokenVerifier({ clientId, publicHostname, authorityHost: keys.authorityHost, allowedTenants: [otherTenantId] });
    expect(await rejection(singleTenant.verify(await keys.sign(v1Claims()))))
      .toBe('This server does not accept sign-ins from your organization.');
    const other = v1Claims({ tid: otherTenantId, iss: `https://sts.windows.net/${otherTenantId}/` });
    await expect(singleTenant.verify(await keys.sign(other))).resolves.toMatchObject({ tenantId: otherTenantId });
  });

  it('refuses a token signed by a key Entra did not publish, even under a published kid', async () => {
    expect(await rejection(verifier.verify(await keys.sign(v1Claims(), { key: 'unpublished' })))).toBe('The token signature is not valid.');
  });

  it('refuses alg none and HS256 signed with the public key', async () => {
    expect(await rejection(verifier.verify(keys.unsigned(v1Claims())))).toBe('The token must be signed with RS256.');
    expect(await rejection(verifier.verify(await keys.signHs256WithPublicKey(v1Claims())))).toBe('The token must be signed with RS256.');
  });

  it('refuses a token without an oid', async () => {
    expect(await rejection(verifier.verify(await keys.sign(v1Claims({ oid: undefined }))))).toBe('The token names no user (no "oid" claim).');
  });

  it('refuses malformed tokens', async () => {
    for (const token of ['', 'not-a-token', 'a.b.c', `${(await keys.sign(v1Claims())).slice(0, -10)}`]) {
      expect(await rejection(verifier.verify(token))).toMatch(/^The token (is malformed|signature is not valid)\.$/);
    }
    expect(await rejection(verifier.verify('a.b.c'))).toBe('The token is malformed.');
  });

  it('refuses Entra tokens when no client id is configured', async () => {
    const unconfigured = createTokenVerifier({ authorityHost: keys.authorityHost });
    expect(await rejection(unconfigured.verify(await keys.sign(v1Claims())))).toBe('Teams sign-in is not configured on this server.');
  });

  it('lets a failure to fetch the keys through as an error of its own, not a refusal', async () => {
    const unreachable = createTokenVerifier({ clientId, authorityHost: keys.authorityHost, jwksUrl: `${keys.authorityHost}/missing` });
    const outcome = await unreachable.verify(await keys.sign(v2Claims())).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).not.toBeInstanceOf(TokenRejected);
  });
});

describe('development sign-in tokens', () => {
  const personId = '0b9a2f4e-3c1d-4e5f-8a7b-6c5d4e3f2a1b';

  it('are accepted only by a verifier created with that development sign-in', async () => {
    const development = createDevelopmentSignIn();
    const token = await development.issue({ tenantId, personId });
    const withDevelopment = createTokenVerifier({ authorityHost: keys.authorityHost, development });
    await expect(withDevelopment.verify(token)).resolves.toEqual({ tenantId, personId, via: 'development' });

    expect(await rejection(verifier.verify(token))).toBe('Development sign-in tokens are not accepted by this server.');
    const anotherRun = createTokenVerifier({ authorityHost: keys.authorityHost, development: createDevelopmentSignIn() });
    expect(await rejection(anotherRun.verify(token))).toBe('The development sign-in token is not from this run of the server; sign in again.');
  });

  it('cannot be forged with an RS256 key and the development issuer', async () => {
    const development = createDevelopmentSignIn();
    const withDevelopment = createTokenVerifier({ clientId, authorityHost: keys.authorityHost, development });
    const forged = await keys.sign({ iss: 'urn:tandem:development-sign-in', aud: 'urn:tandem:development-sign-in', sub: personId, tid: tenantId });
    expect(await rejection(withDevelopment.verify(forged))).toBe('Development sign-in tokens must be signed with HS256.');
    expect(await rejection(withDevelopment.verify(keys.unsigned({ iss: 'urn:tandem:development-sign-in', sub: personId, tid: tenantId }))))
      .toBe('Development sign-in tokens must be signed with HS256.');
  });

  it('last eight hours', async () => {
    const development = createDevelopmentSignIn();
    const token = await development.issue({ tenantId, personId });
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(8 * 60 * 60);
  });
});
