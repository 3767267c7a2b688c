/** Goals and their milestones, for the two people of the pair they belong to. */
import type restify from 'restify';
import type { MentoringGoalService } from '../../services/mentoringGoals';
import { goalChangesBody, milestoneChangesBody, newGoalBody, newMilestoneBody } from './myMentoringBodies';
import { parseBody } from '../problems';
import { memberRoute, pathId, type MemberRouteDeps } from './myMentoringEdge';
import { goalView, milestoneView } from './myMentoringViews';

export function registerMyGoalRoutes(server: restify.Server, deps: MemberRouteDeps & { goals: MentoringGoalService }): void {
  const { goals } = deps;

  server.post(
    '/api/v1/relationships/:id/goals',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(newGoalBody, req.body);
      res.send(201, goalView(await goals.create(caller, pathId(req), body)));
    }),
  );

  server.patch(
    '/api/v1/goals/:id',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(goalChangesBody, req.body);
      res.send(200, goalView(await goals.update(caller, pathId(req), body)));
    }),
  );

  server.post(
    '/api/v1/goals/:id/complete',
    memberRoute(deps, async (caller, req, res) => {
      res.send(200, goalView(await goals.complete(caller, pathId(req))));
    }),
  );

  server.del(
    '/api/v1/goals/:id',
    memberRoute(deps, async (caller, req, res) => {
      await goals.remove(caller, pathId(req));
      res.send(204);
    }),
  );

  server.post(
    '/api/v1/goals/:id/milestones',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(newMilestoneBody, req.body);
      res.send(201, milestoneView(await goals.addMilestone(caller, pathId(req), body)));
    }),
  );

  server.patch(
    '/api/v1/milestones/:id',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(milestoneChangesBody, req.body);
      res.send(200, milestoneView(await goals.updateMilestone(caller, pathId(req), body)));
    }),
  );

  server.del(
    '/api/v1/milestones/:id',
    memberRoute(deps, async (caller, req, res) => {
      await goals.removeMilestone(caller, pathId(req));
      res.send(204);
    }),
  );
}
