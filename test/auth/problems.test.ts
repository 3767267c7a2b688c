import { Writable } from 'node:stream';
import pino from 'pino';
import { z } from 'zod';
import { handle, HttpProblem, parseBody } from '../../src/http/problems';
import { startApiServer, type ApiServer } from './apiServer';

describe('API problems', () => {
  const logged: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  const schema = z.object({ goal: z.object({ title: z.string().min(1, 'must not be empty') }) });
  let api: ApiServer;

  beforeAll(async () => {
    api = await startApiServer((server) => {
      server.post('/conflict', handle(logger, async () => {
        throw new HttpProblem(409, 'Someone changed it first.');
      }));
      server.post('/parsed', handle(logger, async (req, res) => {
        res.send(200, parseBody(schema, req.body));
      }));
      server.post('/zod', handle(logger, async (req, res) => {
        res.send(200, schema.parse(req.body));
      }));
      server.post('/broken', handle(logger, async () => {
        throw new Error('connection terminated: password=hunter2');
      }));
    });
  });
  afterAll(() => api.close());

  it('answers an HttpProblem with its status and reason', async () => {
    expect(await api.call('POST', '/conflict', { body: {} })).toMatchObject({ status: 409, body: { error: 'Someone changed it first.' } });
  });

  it('answers a bad body with 400 naming the nested field, from parseBody or a thrown ZodError', async () => {
    for (const path of ['/parsed', '/zod']) {
      const response = await api.call('POST', path, { body: { goal: { title: '' } } });
      expect(response).toMatchObject({ status: 400, body: { error: 'must not be empty', field: 'goal.title' } });
    }
    expect(await api.call('POST', '/parsed', { body: { goal: { title: 'Public speaking' } } })).toMatchObject({
      status: 200,
      body: { goal: { title: 'Public speaking' } },
    });
  });

  it('answers anything else with a bare 500 and logs it', async () => {
    const response = await api.call('POST', '/broken', { body: {} });
    expect(response).toMatchObject({ status: 500, body: { error: 'Something went wrong' } });
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'request failed', method: 'POST', path: '/broken' }));
  });
});
