/** The paths of "My mentoring", always in the document: its routes are registered whenever the server runs. */
import { arrayOf, noContent, object, ok, operation, problem, ref } from './builders';
import { type OpenApiDocument } from './types';

export const myMentoringPaths: OpenApiDocument['paths'] = {
  '/openapi.json': {
    get: { operationId: 'getOpenApiDocument', summary: 'This document.', tags: ['meta'], security: [], responses: ok('The OpenAPI document.', { type: 'object' }) },
  },
  '/me': { get: operation('getMe', 'Who I am, and how many relationships I have.', 'me', ok('The signed-in person.', ref('Me'))) },
  '/relationships': {
    get: operation(
      'listMyRelationships',
      'My relationships: current ones first, then past ones.',
      'relationships',
      ok('My relationships.', object({ relationships: arrayOf(ref('Relationship')) })),
    ),
  },
  '/relationships/{id}': {
    get: operation('getPairView', 'A pair: the relationship, goals with milestones, sessions with agendas, the next session.', 'relationships', ok('The pair view.', ref('PairView')), { idOf: 'relationship' }),
  },
  '/relationships/{id}/stage': {
    put: operation(
      'setRelationshipStage',
      'Move the relationship to any of its five stages, forward or back.',
      'relationships',
      { ...ok('The relationship at its new stage.', ref('Relationship')), '409': problem('The relationship is paused or has ended.') },
      { idOf: 'relationship', body: 'StageChange' },
    ),
  },
  '/relationships/{id}/sessions': {
    get: operation('listPairSessions', "The pair's upcoming and past sessions.", 'sessions', ok('The sessions.', ref('Sessions')), { idOf: 'relationship' }),
  },
  '/relationships/{id}/goals': {
    post: operation('createGoal', 'Add a goal: what, and how it is measured (SMART).', 'goals', ok('The new goal.', ref('Goal'), '201'), {
      idOf: 'relationship',
      body: 'NewGoal',
    }),
  },
  '/goals/{id}': {
    patch: operation('updateGoal', 'Change a goal: its words, target date, status or progress.', 'goals', ok('The goal.', ref('Goal')), { idOf: 'goal', body: 'GoalChanges' }),
    delete: operation('deleteGoal', 'Delete a goal and its milestones.', 'goals', noContent, { idOf: 'goal' }),
  },
  '/goals/{id}/complete': {
    post: operation('completeGoal', 'Mark a goal done, at 100%.', 'goals', ok('The goal.', ref('Goal')), { idOf: 'goal' }),
  },
  '/goals/{id}/milestones': {
    post: operation('addMilestone', 'Add a milestone at the end of the goal\'s list.', 'goals', ok('The new milestone.', ref('Milestone'), '201'), {
      idOf: 'goal',
      body: 'NewMilestone',
    }),
  },
  '/milestones/{id}': {
    patch: operation('updateMilestone', 'Rename, re-date, tick off or untick a milestone.', 'goals', ok('The milestone.', ref('Milestone')), {
      idOf: 'milestone',
      body: 'MilestoneChanges',
    }),
    delete: operation('deleteMilestone', 'Delete a milestone.', 'goals', noContent, { idOf: 'milestone' }),
  },
  '/sessions/{id}/agenda': {
    post: operation('addAgendaItem', "Add an item at the end of the session's agenda.", 'agenda', ok('The new item.', ref('AgendaItem'), '201'), {
      idOf: 'session',
      body: 'NewAgendaItem',
    }),
  },
  '/sessions/{id}/agenda/order': {
    put: operation('reorderAgenda', "Put the session's agenda in a new order.", 'agenda', ok('The agenda in its new order.', object({ agenda: arrayOf(ref('AgendaItem')) })), {
      idOf: 'session',
      body: 'AgendaOrder',
    }),
  },
  '/agenda/{id}': {
    patch: operation('updateAgendaItem', 'Reword an agenda item, or tick it off.', 'agenda', ok('The item.', ref('AgendaItem')), { idOf: 'agenda item', body: 'AgendaItemChanges' }),
    delete: operation('deleteAgendaItem', 'Delete an agenda item.', 'agenda', noContent, { idOf: 'agenda item' }),
  },
  '/ratings': {
    get: operation('listMyRatings', 'The session ratings I gave, newest first.', 'ratings', ok('My ratings.', object({ ratings: arrayOf(ref('RatingGiven')) }))),
  },
};
