/**
 * The OpenAPI 3.1 document of the "My mentoring" API, served at
 * GET /api/v1/openapi.json. Written by hand as a typed object so it reads as
 * the contract; a test checks it lists exactly the routes the server has.
 */
import { relationshipStages } from '../store/schema';
import { BODY_LIMITS } from './routes/myMentoringBodies';

type JsonSchema = { [keyword: string]: unknown };

interface MediaType {
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: { 'application/json': MediaType };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: 'path'; required: true; description: string; schema: JsonSchema }[];
  requestBody?: { required: true; content: { 'application/json': MediaType } };
  responses: Record<string, OpenApiResponse>;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; bearerFormat: string; description: string }>;
    schemas: Record<string, JsonSchema>;
  };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const string = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const uuid = string({ format: 'uuid' });
const dateTime = string({ format: 'date-time' });
const day = string({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const text = (maxLength: number) => string({ minLength: 1, maxLength });
const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

const problem = (description: string): OpenApiResponse => ({ description, content: json(ref('Problem')) });
const ok = (description: string, schema: JsonSchema, status = '200'): Record<string, OpenApiResponse> => ({
  [status]: { description, content: json(schema) },
});
const noContent: Record<string, OpenApiResponse> = { '204': { description: 'Deleted.' } };

const signedIn = {
  '401': problem('No token, or a token that does not verify.'),
  '403': problem('The object belongs to another pair in your tenant, or you have not chatted with Tandem yet.'),
};
const forAnId = {
  ...signedIn,
  '404': problem("No such object: the id is unknown, malformed or another tenant's."),
};
const withBody = { '400': problem('The body is not valid: `field` names the first problem and `error` says why.') };

function idParameter(what: string) {
  return [{ name: 'id', in: 'path' as const, required: true as const, description: `The ${what}'s id.`, schema: uuid }];
}

function operation(
  operationId: string,
  summary: string,
  tag: string,
  responses: Record<string, OpenApiResponse>,
  extra: { idOf?: string; body?: string } = {},
): OpenApiOperation {
  return {
    operationId,
    summary,
    tags: [tag],
    ...(extra.idOf ? { parameters: idParameter(extra.idOf) } : {}),
    ...(extra.body ? { requestBody: { required: true as const, content: json(ref(extra.body)) } } : {}),
    responses: { ...responses, ...(extra.idOf ? forAnId : signedIn), ...(extra.body ? withBody : {}) },
  };
}

const role = { type: 'string', enum: ['mentor', 'mentee'] };

const schemas: Record<string, JsonSchema> = {
  Problem: object({ error: string({ description: 'Why, in a sentence a person can read.' }), field: string({ description: 'The body field at fault, as a dotted path.' }) }, ['error']),
  Me: object({
    person: object({ id: uuid, name: string(), tenantId: string() }),
    relationships: object({ active: { type: 'integer' }, paused: { type: 'integer' }, past: { type: 'integer' } }),
  }),
  Relationship: object({
    id: uuid,
    programId: uuid,
    status: { type: 'string', enum: ['active', 'paused', 'finished', 'ended'] },
    stage: ref('Stage'),
    stageTitle: string(),
    myRole: role,
    other: object({ personId: uuid, name: string(), role: { ...role, description: "The other person's role in the pair." } }),
    startedAt: dateTime,
    endedAt: nullable(dateTime),
  }),
  Stage: { type: 'string', enum: [...relationshipStages] },
  Milestone: object({ id: uuid, goalId: uuid, title: string(), dueOn: nullable(day), position: { type: 'integer' }, done: { type: 'boolean' }, doneAt: nullable(dateTime) }),
  Goal: object({
    id: uuid,
    relationshipId: uuid,
    ownerPersonId: { ...uuid, description: 'The mentee: goals are what the mentoring is for.' },
    title: string({ description: 'What: the goal, specific.' }),
    measure: string({ description: 'How it is measured.' }),
    targetDate: nullable(day),
    status: { type: 'string', enum: ['not-started', 'in-progress', 'done', 'dropped'] },
    progress: { type: 'integer', minimum: 0, maximum: 100 },
    completedAt: nullable(dateTime),
    createdAt: dateTime,
    updatedAt: dateTime,
    milestones: arrayOf(ref('Milestone')),
  }),
  AgendaItem: object({
    id: uuid,
    sessionId: uuid,
    authorPersonId: uuid,
    text: string(),
    position: { type: 'integer' },
    done: { type: 'boolean' },
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  Session: object({
    id: uuid,
    relationshipId: uuid,
    startsAt: dateTime,
    endsAt: dateTime,
    status: { type: 'string', enum: ['proposed', 'scheduled', 'held', 'cancelled', 'missed'] },
    joinUrl: nullable(string({ format: 'uri', description: 'The Teams meeting link.' })),
    agenda: arrayOf(ref('AgendaItem')),
  }),
  Sessions: object({
    upcoming: { ...arrayOf(ref('Session')), description: 'Proposed or scheduled sessions that have not ended, soonest first.' },
    past: { ...arrayOf(ref('Session')), description: 'Sessions that have started or were held or missed, most recent first.' },
  }),
  PairView: object({
    relationship: ref('Relationship'),
    goals: arrayOf(ref('Goal')),
    sessions: ref('Sessions'),
    nextSession: nullable(ref('Session')),
  }),
  RatingGiven: object({
    id: uuid,
    sessionId: uuid,
    session: nullable(object({ relationshipId: uuid, startsAt: dateTime })),
    score: { type: 'integer', minimum: 1, maximum: 5 },
    tookPlace: { type: 'boolean' },
    mostUseful: nullable(string()),
    shareWithPartner: { type: 'boolean' },
    createdAt: dateTime,
  }),
  StageChange: object({ stage: ref('Stage') }),
  NewGoal: object({ title: text(BODY_LIMITS.title), measure: text(BODY_LIMITS.measure), targetDate: nullable(day) }, ['title', 'measure']),
  GoalChanges: {
    ...object(
      {
        title: text(BODY_LIMITS.title),
        measure: text(BODY_LIMITS.measure),
        targetDate: nullable(day),
        status: { type: 'string', enum: ['not-started', 'in-progress', 'done', 'dropped'] },
        progress: { type: 'integer', minimum: 0, maximum: 100 },
      },
      [],
    ),
    minProperties: 1,
  },
  NewMilestone: object({ title: text(BODY_LIMITS.title), dueOn: nullable(day) }, ['title']),
  MilestoneChanges: { ...object({ title: text(BODY_LIMITS.title), dueOn: nullable(day), done: { type: 'boolean' } }, []), minProperties: 1 },
  NewAgendaItem: object({ text: text(BODY_LIMITS.agendaText) }),
  AgendaItemChanges: { ...object({ text: text(BODY_LIMITS.agendaText), done: { type: 'boolean' } }, []), minProperties: 1 },
  AgendaOrder: object({
    ids: { ...arrayOf(uuid), maxItems: BODY_LIMITS.agendaItemsPerSession, description: "Every one of the session's agenda item ids, once, in the new order." },
  }),
};

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Tandem: My mentoring',
    version: '1.0.0',
    description:
      "The signed-in person's mentoring relationships, goals, sessions, agendas and ratings. Only the two people of a pair can read or change its data: another pair's ids in the same tenant get 403, ids from another tenant get 404 like unknown ones.",
  },
  servers: [{ url: '/api/v1' }],
  security: [{ teamsToken: [] }],
  paths: {
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
  },
  components: {
    securitySchemes: {
      teamsToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The Teams SSO token from authentication.getAuthToken(), or outside production a development sign-in token.',
      },
    },
    schemas,
  },
};
