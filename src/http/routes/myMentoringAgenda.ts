/** Session agendas: both people of the pair add, edit, reorder and tick off items. */
import type restify from 'restify';
import type { MentoringAgendaService } from '../../services/mentoringAgenda';
import { HttpProblem } from '../problems';
import { agendaItemChangesBody, agendaOrderBody, newAgendaItemBody } from './myMentoringBodies';
import { parseBody } from '../problems';
import { memberRoute, pathId, type MemberRouteDeps } from './myMentoringEdge';
import { agendaItemView } from './myMentoringViews';


export function registerMyAgendaRoutes(server: restify.Server, deps: MemberRouteDeps & { agenda: MentoringAgendaService }): void {
  const { agenda } = deps;

  server.post(
    '/api/v1/sessions/:id/agenda',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(newAgendaItemBody, req.body);
      res.send(201, agendaItemView(await agenda.add(caller, pathId(req), body.text)));
    }),
  );

  server.put(
    '/api/v1/sessions/:id/agenda/order',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(agendaOrderBody, req.body);
      const items = await agenda.reorder(caller, pathId(req), body.ids);
      if (!items) throw new HttpProblem(400, "must list each of the session's agenda items exactly once", 'ids');
      res.send(200, { agenda: items.map(agendaItemView) });
    }),
  );

  server.patch(
    '/api/v1/agenda/:id',
    memberRoute(deps, async (caller, req, res) => {
      const body = parseBody(agendaItemChangesBody, req.body);
      res.send(200, agendaItemView(await agenda.update(caller, pathId(req), body)));
    }),
  );

  server.del(
    '/api/v1/agenda/:id',
    memberRoute(deps, async (caller, req, res) => {
      await agenda.remove(caller, pathId(req));
      res.send(204);
    }),
  );
}
