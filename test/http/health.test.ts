/**
 * Liveness, readiness and draining on the real HTTP server: what a load
 * balancer and the Bot Connector see while Tandem runs, loses its database,
 * and shuts down.
 */
import type { AddressInfo } from 'node:net';
import { TeamsAdapter } from '@microsoft/teams-ai';
import pino from 'pino';
import type restify from 'restify';
import { createHttpServer } from '../../src/http/server';

let server: restify.Server;
let url: string;
let databaseUp = true;
let draining = false;

beforeAll(async () => {
  server = createHttpServer({
    adapter: new TeamsAdapter({}),
    runTurn: async () => {},
    ping: async () => {
      if (!databaseUp) throw new Error('connection refused');
    },
    isDraining: () => draining,
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string) => {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: await response.json() };
};

it('is live and ready while the database answers', async () => {
  expect(await get('/livez')).toEqual({ status: 200, body: { status: 'alive' } });
  expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ok' } });
  expect((await get('/healthz')).status).toBe(200);
});

it('stays live but is not ready without its database', async () => {
  databaseUp = false;
  try {
    expect((await get('/livez')).status).toBe(200);
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database not reachable' } });
  } finally {
    databaseUp = true;
  }
});

it('while draining, fails readiness and answers new turns with 503 and Retry-After', async () => {
  draining = true;
  try {
    expect((await get('/readyz')).body).toMatchObject({ status: 'draining' });
    expect((await get('/livez')).status).toBe(200);
    const turn = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', conversation: { id: 'c' }, serviceUrl: 'http://localhost' }),
    });
    expect(turn.status).toBe(503);
    expect(turn.headers.get('retry-after')).toBe('5');
  } finally {
    draining = false;
  }
});
