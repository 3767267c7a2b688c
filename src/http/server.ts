/**
 * The HTTP edge: the Bot Framework endpoint and the health checks. Bad
 * requests are answered with a 4xx and a reason; the server keeps running.
 * While it shuts down it says so: readiness fails, so a load balancer sends
 * traffic elsewhere, and new turns get a 503 the Bot Connector retries.
 */
import restify, { type Request, type Response } from 'restify';
import type { Logger } from 'pino';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';

export interface HttpDeps {
  adapter: TeamsAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  ping: () => Promise<void>;
  /** True once shutdown has begun. */
  isDraining: () => boolean;
  logger: Logger;
}

const DRAINING = { status: 'draining', reason: 'Tandem is shutting down; another instance or a restart will answer.' };

const MAX_BODY_BYTES = 256 * 1024;

export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'tandem', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (deps.isDraining()) {
      res.header('Retry-After', '5');
      res.send(503, { error: DRAINING.reason });
      return;
    }
    const problem = describeActivityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    try {
      await deps.adapter.process(req, res, deps.runTurn);
    } catch (error) {
      deps.logger.error({ err: error }, 'turn failed');
      if (!res.headersSent) res.send(500, { error: 'The turn could not be processed.' });
    }
  });

  // The Agents Playground probes the endpoint with HEAD to see that the bot is up.
  server.head('/api/messages', async (_req: Request, res: Response) => {
    res.send(200);
  });

  // Liveness: the process answers. A restart will not fix a database that is down, so it is not checked here.
  server.get('/livez', async (_req: Request, res: Response) => {
    res.send(200, { status: 'alive' });
  });

  // Readiness: this instance should get traffic. /healthz is the same check, for hosts that probe one path.
  const ready = async (_req: Request, res: Response) => {
    if (deps.isDraining()) {
      res.send(503, DRAINING);
      return;
    }
    try {
      await deps.ping();
      res.send(200, { status: 'ok' });
    } catch (error) {
      deps.logger.warn({ err: error }, 'health check failed');
      res.send(503, { status: 'unavailable', reason: 'database not reachable' });
    }
  };
  server.get('/readyz', ready);
  server.get('/healthz', ready);

  server.on('restifyError', (req: Request, res: Response, error: Error, callback: () => void) => {
    const status = (error as { statusCode?: number }).statusCode;
    deps.logger.info({ method: req.method, url: req.url, status, reason: error.message }, 'request refused');
    callback();
  });

  return server;
}

/** The minimum an activity needs before the Bot Framework adapter sees it. */
function describeActivityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a JSON activity object.';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity has no "type".';
  if (typeof activity.conversation !== 'object' || activity.conversation === null) return 'The activity has no "conversation".';
  if (typeof activity.serviceUrl !== 'string') return 'The activity has no "serviceUrl".';
  return undefined;
}
