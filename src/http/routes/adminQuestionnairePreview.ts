/**
 * The registration card an edited questionnaire would give, for the admin
 * tab's live preview:
 *   POST /api/v1/programs/:programId/questionnaire/preview  { questionnaire, role }
 * The card comes from the bot's own builder (bot/cards/registrationFormCard.ts),
 * so what the admin sees is what people will get; that builder needs
 * botbuilder, which cannot go into the browser bundle, hence a route.
 * Nothing is saved. Program admins and tenant admins only (401, 403 first).
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { registrationFormCard } from '../../../bot/cards/registrationFormCard';
import type { Caller } from '../../auth/caller';
import { adminProgram } from '../../auth/roles';
import { questionnaireProblems, questionnaireSchema } from '../../domain/questionnaireRules';
import { roles } from '../../domain/roles';
import type { Store } from '../../store/store';
import { documentAdminRoutes } from '../openapi/document';
import { handle, parseBody } from '../problems';

export interface QuestionnairePreviewRouteDeps {
  authenticate(req: Request): Promise<Caller>;
  store: Store;
  logger: Logger;
}

export const previewBody = z
  .object({
    questionnaire: questionnaireSchema,
    role: z.enum(roles, { errorMap: () => ({ message: 'must be one of mentee, mentor, both' }) }),
  })
  .strict();

export function registerQuestionnairePreviewRoute(server: restify.Server, deps: QuestionnairePreviewRouteDeps): void {
  documentAdminRoutes('questionnairePreview');
  server.post(
    '/api/v1/programs/:programId/questionnaire/preview',
    handle(deps.logger, async (req: Request, res: Response) => {
      const caller = await deps.authenticate(req);
      const program = await adminProgram(deps.store, caller, String(req.params.programId));
      const body = parseBody(previewBody, req.body);
      const questionnaire = body.questionnaire;
      const card = registrationFormCard({ program: { ...program, questionnaire }, role: body.role, revision: 0, values: {} });
      // A questionnaire that still breaks a rule (a duplicate id, one option) renders anyway: the admin sees both
      // the card and what to fix before saving.
      res.header('Cache-Control', 'no-store');
      res.send(200, { role: body.role, card, problems: questionnaireProblems(questionnaire) });
    }),
  );
}
