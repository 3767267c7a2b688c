/**
 * The "My mentoring" API for the signed-in person: their relationships, the
 * pair view, stages, sessions and the ratings they gave; goals and agendas
 * are registered from their own files. Only the two people of a pair see or
 * change its data. The OpenAPI document of all of it is public.
 *
 * Checks run in this order: the token (401), the body's shape (400, which says
 * nothing about any stored row), then whether the id exists in the caller's
 * tenant (404) and belongs to the caller's pair (403), then the state (409).
 */
import type restify from 'restify';
import type { MentoringAgendaService } from '../../services/mentoringAgenda';
import type { MentoringGoalService } from '../../services/mentoringGoals';
import type { MentoringPairService } from '../../services/mentoringPairs';
import { listRatingsGiven } from '../../services/mentoringRatings';
import type { Store } from '../../store/store';
import { openApiDocument } from '../openapi/document';
import { stageBody } from './myMentoringBodies';
import { parseBody } from '../problems';
import { memberRoute, pathId, type MemberRouteDeps } from './myMentoringEdge';
import { registerMyGoalRoutes } from './myMentoringGoals';
import { registerMyAgendaRoutes } from './myMentoringAgenda';
import { pairView, ratingGivenView, relationshipView, sessionsView } from './myMentoringViews';

export interface MyMentoringRouteDeps extends MemberRouteDeps {
  store: Store;
  pairs: MentoringPairService;
  goals: MentoringGoalService;
  agenda: MentoringAgendaService;
}


export function registerMyMentoringRoutes(server: restify.Server, deps: MyMentoringRouteDeps): void {
  server.get('/api/v1/openapi.json', async (_req, res) => {
    res.send(200, openApiDocument);
  });

  server.get(
    '/api/v1/me',
    memberRoute(deps, async (caller, _req, res) => {
      const counts = await deps.pairs.counts(caller);
      res.send(200, { person: { id: caller.personId, name: caller.name, tenantId: caller.tenantId }, relationships: counts });
    }),
  );

  server.get(
    '/api/v1/relationships',
    memberRoute(deps, async (caller, _req, res) => {
      const relationships = await deps.pairs.list(caller);
      res.send(200, { relationships: relationships.map(relationshipView) });
    }),
  );

  server.get(
    '/api/v1/relationships/:id',
    memberRoute(deps, async (caller, req, res) => {
      res.send(200, pairView(await deps.pairs.view(caller, pathId(req))));
    }),
  );

  server.put(
    '/api/v1/relationships/:id/stage',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(stageBody, req.body);
      res.send(200, relationshipView(await deps.pairs.moveToStage(caller, pathId(req), body.stage)));
    }),
  );

  server.get(
    '/api/v1/relationships/:id/sessions',
    memberRoute(deps, async (caller, req, res) => {
      res.send(200, sessionsView(await deps.pairs.sessions(caller, pathId(req))));
    }),
  );

  server.get(
    '/api/v1/ratings',
    memberRoute(deps, async (caller, _req, res) => {
      const ratings = await listRatingsGiven(deps.store, caller);
      res.send(200, { ratings: ratings.map(ratingGivenView) });
    }),
  );

  registerMyGoalRoutes(server, deps);
  registerMyAgendaRoutes(server, deps);
}
