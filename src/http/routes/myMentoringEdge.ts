/**
 * What every "My mentoring" route does first: authenticate (401), then let
 * the use case check the caller belongs to the pair, and turn its refusals
 * into 404 (unknown, or another tenant's), 403 (another pair's) or 409.
 */
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import type { Caller } from '../../auth/caller';
import { MentoringRefusal } from '../../services/mentoringAccess';
import { handle, HttpProblem } from '../problems';

export interface MemberRouteDeps {
  authenticate(req: Request): Promise<Caller>;
  logger: Logger;
}

export function memberRoute(
  deps: MemberRouteDeps,
  fn: (caller: Caller, req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return handle(deps.logger, async (req, res) => {
    const caller = await deps.authenticate(req);
    try {
      await fn(caller, req, res);
    } catch (error) {
      throw error instanceof MentoringRefusal ? problemFor(error) : error;
    }
  });
}

function problemFor(refusal: MentoringRefusal): HttpProblem {
  switch (refusal.kind) {
    case 'unknown':
      return new HttpProblem(404, `There is no such ${refusal.subject}.`);
    case 'not-a-member':
      return new HttpProblem(403, `This ${refusal.subject} belongs to another mentoring pair.`);
    case 'not-active':
      return new HttpProblem(
        409,
        refusal.status === 'paused'
          ? 'This relationship is paused; its stage can change again once it resumes.'
          : 'This relationship has ended; its stage can no longer change.',
      );
  }
}

export const pathId = (req: Request, name = 'id'): string => String(req.params[name]);
