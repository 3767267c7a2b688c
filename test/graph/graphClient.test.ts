import { createGraphClient, type GraphRetryPolicy } from '../../src/graph/graphClient';
import { GraphError } from '../../src/graph/graphError';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

let fake: FakeGraph;

beforeAll(async () => {
  fake = await startFakeGraph();
  fake.setManager('alice', 'bob');
});
afterAll(() => fake.close());
beforeEach(() => fake.requests.splice(0));

const client = (retry?: Partial<GraphRetryPolicy>) =>
  createGraphClient(fake.settings, { fetch: fake.fetch, retry });

async function rejection(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('app-only Graph client', () => {
  it('acquires one token through msal and reuses it from the cache', async () => {
    const graph = client();
    await graph.get('/users/alice/manager', { query: { $select: 'id' } });
    await graph.get('/users/alice/manager', { query: { $select: 'id' } });

    expect(fake.tokenRequests()).toHaveLength(1);
    const [tokenRequest] = fake.tokenRequests();
    const form = new URLSearchParams(tokenRequest!.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toContain('https://graph.microsoft.com/.default');
    expect(tokenRequest!.path).toBe(`/${fake.settings.tenantId}/oauth2/v2.0/token`);

    const graphCalls = fake.graphRequests();
    expect(graphCalls.map((r) => r.status)).toEqual([200, 200]);
    expect(graphCalls[0]!.headers.authorization).toMatch(/^Bearer eyJ/);
    expect(graphCalls[1]!.headers.authorization).toBe(graphCalls[0]!.headers.authorization);
    expect(graphCalls[0]!.query).toEqual({ $select: 'id' });
  });

  it('returns the parsed Graph body', async () => {
    const manager = await client().get<{ id: string; '@odata.type': string }>('/users/alice/manager', { query: { $select: 'id' } });
    expect(manager).toMatchObject({ id: 'bob', '@odata.type': '#microsoft.graph.user' });
  });

  it('fails with a 401 GraphError that does not reveal a wrong client secret', async () => {
    const wrongSecret = 'wrong~Secret.value_1234567890';
    const graph = createGraphClient({ ...fake.settings, clientSecret: wrongSecret }, { fetch: fake.fetch });

    const error = await rejection(graph.get('/users/alice/manager'));

    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_client');
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).not.toContain(wrongSecret);
    expect(JSON.stringify(error)).not.toContain(wrongSecret);
    expect(fake.tokenRequests().map((r) => r.status)).toEqual([401]);
    expect(fake.graphRequests()).toHaveLength(0);
  });

  it('waits out a 429 Retry-After and then succeeds', async () => {
    fake.failNext('/users/alice/manager', { status: 429, retryAfterSeconds: 1 });

    const manager = await client().get<{ id: string }>('/users/alice/manager');

    expect(manager.id).toBe('bob');
    const calls = fake.graphRequests();
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
    expect(calls[1]!.headers['retry-attempt']).toBe('1');
  });

  it('retries a 503', async () => {
    fake.failNext('/users/alice/manager', { status: 503 });

    const manager = await client({ delaySeconds: 0 }).get<{ id: string }>('/users/alice/manager');

    expect(manager.id).toBe('bob');
    expect(fake.graphRequests().map((r) => r.status)).toEqual([503, 200]);
  });

  it('gives up after the bounded number of retries with the last error', async () => {
    for (let i = 0; i < 2; i++) fake.failNext('/users/alice/manager', { status: 504 });

    const error = await rejection(client({ delaySeconds: 0, maxRetries: 1 }).get('/users/alice/manager'));

    expect(error.status).toBe(504);
    expect(fake.graphRequests().map((r) => r.status)).toEqual([504, 504]);
  });

  it('does not wait out a Retry-After longer than the bound', async () => {
    fake.failNext('/users/alice/manager', { status: 429, retryAfterSeconds: 120 });

    const error = await rejection(client({ maxRetryAfterSeconds: 30 }).get('/users/alice/manager'));

    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', details: { retryAfterSeconds: 120 } });
    expect(fake.graphRequests()).toHaveLength(1);
  });

  it('passes 403 Authorization_RequestDenied through without retrying', async () => {
    fake.failNext('/users/alice/manager', { status: 403 });

    const error = await rejection(client().get('/users/alice/manager'));

    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
    expect(error.message).toBe('Insufficient privileges to complete the operation.');
    expect(error.details.requestId).toEqual(expect.any(String));
    expect(fake.graphRequests()).toHaveLength(1);
  });

  it('reports an unreachable identity platform or Graph as status 0', async () => {
    const gone = await startFakeGraph();
    const goneSettings = gone.settings;
    await gone.close();

    const noLogin = await rejection(createGraphClient(goneSettings, { fetch: fake.fetch }).get('/users/alice/manager'));
    const noGraph = await rejection(
      createGraphClient({ ...fake.settings, baseUrl: goneSettings.baseUrl }, { fetch: fake.fetch }).get('/users/alice/manager'),
    );

    expect(noLogin.status).toBe(0);
    expect(noLogin.message).not.toContain(goneSettings.clientSecret);
    expect(noGraph).toMatchObject({ status: 0, code: 'NetworkError' });
  });
});

describe('the fake Graph', () => {
  it('refuses Graph requests without a token it issued, as Graph does', async () => {
    const anonymous = await fake.fetch(`${fake.settings.baseUrl}/users/alice/manager`);
    const forged = await fake.fetch(`${fake.settings.baseUrl}/users/alice/manager`, { headers: { authorization: 'Bearer not-a-token' } });

    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('is not trusted by the default fetch, so nothing reaches it by accident', async () => {
    await expect(fetch(`${fake.settings.baseUrl}/users/alice/manager`)).rejects.toThrow();
  });
});
