/**
 * How the JSON API says no: a handler throws an HttpProblem (or lets zod
 * throw), and `handle` turns it into a status with a reason the tab can show.
 * Anything unexpected becomes a 500 without details, and is logged.
 */
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

export class HttpProblem extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
    this.name = 'HttpProblem';
  }
}

export function handle(
  logger: Logger,
  fn: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (error) {
      const problem = asProblem(error);
      if (!problem) {
        // The path only: query strings may carry what people typed.
        logger.error({ err: error, method: req.method, path: req.getPath() }, 'request failed');
      }
      if (res.headersSent) return;
      if (!problem) {
        res.send(500, { error: 'Something went wrong' });
        return;
      }
      // RFC 6750: a refused bearer token is answered with the scheme to use.
      if (problem.status === 401) res.header('WWW-Authenticate', 'Bearer');
      res.send(problem.status, problem.field === undefined ? { error: problem.reason } : { error: problem.reason, field: problem.field });
    }
  };
}

/** Validates a request body; the first problem found is the one reported. */
export function parseBody<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw problemFromZod(parsed.error);
}

function asProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (error instanceof z.ZodError) return problemFromZod(error);
  return undefined;
}

function problemFromZod(error: z.ZodError): HttpProblem {
  const issue = error.issues[0];
  if (!issue) return new HttpProblem(400, 'The request is not valid.');
  // A strict body names the field that does not belong, not the whole body.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    return new HttpProblem(400, 'is not a field of this request', [...issue.path, issue.keys[0]].join('.'));
  }
  const field = issue.path.join('.');
  if (field === '') {
    // A root-level issue is almost always a missing or non-object body.
    const reason = issue.code === 'invalid_type' ? 'The body must be a JSON object.' : issue.message;
    return new HttpProblem(400, reason);
  }
  return new HttpProblem(400, issue.message, field);
}
