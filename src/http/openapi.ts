/**
 * The OpenAPI 3.1 document of the API, served at GET /api/v1/openapi.json:
 * "My mentoring", and the admin API (programs, participants, matching) whose
 * route modules add their part when they are registered (`documentAdminRoutes`),
 * so the document lists exactly the routes the running server has. Written by
 * hand as a typed object so it reads as the contract; tests check it against
 * the registered routes and the zod bodies.
 */
import { relationshipStages } from '../store/schema';
import { BODY_LIMITS } from './routes/myMentoringBodies';
import { PROGRAM_LIMITS } from './routes/adminBodies';

type JsonSchema = { [keyword: string]: unknown };

interface MediaType {
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: { 'application/json': MediaType } | { 'text/csv': MediaType };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; description: string; schema: JsonSchema }[];
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

// ---------------------------------------------------------------- the admin API

const pathParameter = (name: string, description: string) => ({ name, in: 'path' as const, required: true, description, schema: uuid });
const queryParameter = (name: string, description: string, schema: JsonSchema) => ({ name, in: 'query' as const, required: false, description, schema });
const programIdParameter = pathParameter('programId', "The program's id.");
const personIdParameter = pathParameter('personId', "The participant's person id.");
const runIdParameter = pathParameter('runId', "The matching run's id.");

const adminRefusals = {
  '401': problem('No token, or a token that does not verify.'),
  '403': problem("You are not an admin of this program (or of your organisation's Tandem), or the program is another tenant's."),
};
const unprocessable = { '422': { description: 'The request breaks a rule of the program: `field` and `error` name the first problem, `problems` lists every one.', content: json(ref('Problems')) } };

function adminOperation(
  operationId: string,
  summary: string,
  tag: string,
  responses: Record<string, OpenApiResponse>,
  extra: { parameters?: NonNullable<OpenApiOperation['parameters']>; body?: string } = {},
): OpenApiOperation {
  return {
    operationId,
    summary,
    tags: [tag],
    ...(extra.parameters ? { parameters: extra.parameters } : {}),
    ...(extra.body ? { requestBody: { required: true as const, content: json(ref(extra.body)) } } : {}),
    responses: { ...responses, ...adminRefusals, ...(extra.body ? withBody : {}) },
  };
}

const integer = (minimum?: number, maximum?: number): JsonSchema => ({ type: 'integer', ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) });
const programType = { type: 'string', enum: ['one-to-one', 'group', 'peer', 'reverse', 'flash'] };
const programShape = { type: 'string', enum: ['cohort', 'evergreen'] };
const matchingMode = { type: 'string', enum: ['algorithm', 'mentee-choice', 'admin'] };
const objectiveSchema = { type: 'string', enum: ['max-matched', 'max-score', 'max-min'] };
const reasons = object({ forMentee: arrayOf(string()), forMentor: arrayOf(string()) });
const L = PROGRAM_LIMITS;

const programFieldSchemas: Record<string, JsonSchema> = {
  name: text(L.name),
  description: string({ maxLength: L.description }),
  type: programType,
  shape: programShape,
  startsOn: { ...nullable(day), description: 'Cohorts only: the first day.' },
  endsOn: { ...nullable(day), description: 'Cohorts only: after startsOn.' },
  matchingMode,
  cadenceDays: integer(...L.cadenceDays),
  sessionMinutes: integer(...L.sessionMinutes),
  mentorCapacityDefault: integer(...L.mentorCapacityDefault),
  reminderOffsetsMinutes: { ...arrayOf(integer(...L.reminderOffsetMinutes)), maxItems: L.reminderOffsets, uniqueItems: true, description: 'Minutes before each session that both people are reminded.' },
  ratingDelayMinutes: integer(...L.ratingDelayMinutes),
  maxTimeZoneGapHours: nullable(integer(...L.maxTimeZoneGapHours)),
  proposalExpiryDays: integer(...L.proposalExpiryDays),
  adminPersonIds: { ...arrayOf(uuid), maxItems: L.admins, description: "The program's admins: people of the tenant, by person id (replaces the list)." },
};

const questionSchemaDoc: JsonSchema = object(
  {
    id: string({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,39}$' }),
    label: text(300),
    help: text(500),
    type: { type: 'string', enum: ['single-choice', 'multi-choice', 'text', 'long-text', 'number'] },
    audience: { type: 'string', enum: ['mentor', 'mentee', 'both'] },
    required: { type: 'boolean' },
    options: arrayOf(object({ value: string({ pattern: '^[^,\\s][^,]*$' }), title: text(200), rank: { type: 'integer' } }, ['value', 'title'])),
    maxChoices: integer(1),
    min: { type: 'number' },
    max: { type: 'number' },
    maxLength: integer(1, 2000),
    placeholder: text(200),
    matching: {
      type: 'object',
      description: 'rule: same | different | overlap | wants-offers (with counterpart: the question mentors answer) | distance (with ideal, tolerance) | none (weight 0). weight: 0 to 10.',
      properties: {
        rule: { type: 'string', enum: ['same', 'different', 'overlap', 'wants-offers', 'distance', 'none'] },
        weight: { type: 'number', minimum: 0, maximum: 10 },
        counterpart: string(),
        ideal: { type: 'number' },
        tolerance: { type: 'number', minimum: 0 },
      },
      required: ['rule', 'weight'],
      additionalProperties: false,
    },
    directoryField: { type: 'string', enum: ['department', 'jobTitle', 'officeLocation'] },
    purpose: { type: 'string', enum: ['time-zone', 'languages', 'manager'] },
    sensitive: { type: 'boolean', description: 'Optional, used only for matching, never shown (not even to admins).' },
  },
  ['id', 'label', 'type', 'audience', 'required', 'matching'],
);

const pairRef = object({ relationshipId: uuid, personId: uuid, name: string(), status: { type: 'string', enum: ['active', 'paused', 'finished', 'ended'] }, startedAt: dateTime });
const participantSchema = object({
  personId: uuid,
  enrollmentId: uuid,
  name: string(),
  role: { type: 'string', enum: ['mentor', 'mentee', 'both'] },
  status: { type: 'string', enum: ['active', 'paused', 'withdrawn'] },
  registeredAt: dateTime,
  updatedAt: dateTime,
  mentorCapacity: nullable(integer(0)),
  mentor: nullable(pairRef),
  mentees: arrayOf(pairRef),
  pending: arrayOf(object({ proposalId: uuid, as: role, otherPersonId: uuid, otherName: string(), expiresAt: nullable(dateTime) })),
  matched: { type: 'boolean' },
});
const programSummaryProperties: Record<string, JsonSchema> = {
  id: uuid,
  slug: string(),
  ...Object.fromEntries(Object.entries(programFieldSchemas).filter(([key]) => key !== 'adminPersonIds')),
  status: { type: 'string', enum: ['draft', 'open', 'closed'] },
  createdAt: dateTime,
  updatedAt: { ...dateTime, description: 'Send it back as expectedUpdatedAt with a questionnaire edit.' },
};
const runSummaryProperties: Record<string, JsonSchema> = {
  id: uuid,
  programId: uuid,
  status: { type: 'string', enum: ['running', 'draft', 'published', 'discarded', 'failed'] },
  createdAt: dateTime,
  publishedObjective: nullable(objectiveSchema),
  publishedAt: nullable(dateTime),
  progress: nullable(object({ stage: { type: 'string', enum: ['loading', 'scoring', 'solving', 'done'] }, objectivesSolved: { type: 'integer' }, objectives: { type: 'integer' } })),
  weights: nullable({ type: 'object', additionalProperties: { type: 'number' }, description: 'The weights tried for this run, by question id.' }),
  error: nullable(string()),
  pool: object({ mentees: { type: 'integer' }, mentors: { type: 'integer' }, candidatePairs: { type: 'integer' }, excludedPairs: { type: 'integer' }, pruning: nullable({ type: 'object' }) }),
  objectives: arrayOf(object({ objective: objectiveSchema, matched: { type: 'integer' }, totalScore: { type: 'number' }, minScore: nullable({ type: 'number' }) })),
};
const draftPair = object({
  menteePersonId: uuid,
  menteeEnrollmentId: uuid,
  menteeName: string(),
  mentorPersonId: uuid,
  mentorEnrollmentId: uuid,
  mentorName: string(),
  score: { type: 'number', minimum: 0, maximum: 100 },
  reasons,
});

const riskReason = { type: 'string', enum: ['low-rating', 'did-not-meet', 'no-session', 'no-first-contact'] };
const counts = (...keys: string[]) => object(Object.fromEntries(keys.map((k) => [k, integer(0)])));
const share = nullable({ type: 'number', minimum: 0, maximum: 1 });
const average = nullable({ type: 'number', minimum: 1, maximum: 5 });
const personRef = object({ personId: uuid, name: string() });
const programHealthSchema: JsonSchema = object({
  programId: uuid,
  range: object({ from: day, to: day }),
  generatedAt: dateTime,
  registrations: object({ inRange: counts('mentor', 'mentee', 'both', 'total'), withdrawnInRange: integer(0), active: counts('mentors', 'mentees', 'total') }),
  matchRate: object({ matchedMentees: integer(0), activeMentees: integer(0), rate: share }),
  timeToMatch: object({ medianDays: nullable({ type: 'number', minimum: 0 }), mentees: integer(0) }),
  proposals: counts('pending', 'acceptedInRange', 'declinedInRange', 'expiredInRange'),
  pairs: counts('active', 'paused', 'startedInRange', 'endedInRange', 'activeInRange'),
  sessions: object({ held: integer(0), missed: integer(0), cancelled: integer(0), scheduled: integer(0), proposed: integer(0), heldPerPair: nullable({ type: 'number', minimum: 0 }) }),
  attendance: object({ held: integer(0), missed: integer(0), cancelled: integer(0), rate: share, calendarResponses: { type: 'object', additionalProperties: integer(0), description: 'Invitation responses (accepted, declined, ...) on the sessions due in the range.' } }),
  rating: object({ average, count: integer(0), byScore: counts('1', '2', '3', '4', '5'), byMentors: average, byMentees: average }),
  goals: object({ total: integer(0), done: integer(0), inProgress: integer(0), notStarted: integer(0), dropped: integer(0), completion: share }),
  mentorLoad: object({
    mentors: integer(0),
    distribution: arrayOf(counts('mentees', 'mentors')),
    totalCapacity: integer(0),
    totalMentees: integer(0),
    utilisation: nullable({ type: 'number', minimum: 0 }),
    full: integer(0),
    overCapacity: integer(0),
    idle: integer(0),
  }),
  atRisk: object({
    total: integer(0),
    byReason: counts('low-rating', 'did-not-meet', 'no-session', 'no-first-contact'),
    pairs: {
      ...arrayOf(
        object({
          relationshipId: uuid,
          mentor: personRef,
          mentee: personRef,
          startedAt: dateTime,
          lastHeldSessionAt: nullable(dateTime),
          reasons: arrayOf(object({ reason: riskReason, source: { type: 'string', enum: ['flag', 'computed'] }, flagId: nullable(uuid), since: dateTime, sessionId: nullable(uuid) })),
          actions: arrayOf({
            type: 'object',
            description: 'resolve-flag (POST path), nudge-pair (POST path: the nudge card to both people now, once a day), re-match (POST path: the participant rematch).',
            properties: { kind: { type: 'string', enum: ['resolve-flag', 'nudge-pair', 're-match'] }, flagId: uuid, method: { type: 'string', enum: ['POST'] }, path: string() },
            required: ['kind'],
          }),
        }),
      ),
      description: 'At most 100, longest at risk first; total counts all.',
    },
  }),
  series: object({
    sessionsPerWeek: arrayOf(object({ week: day, held: integer(0), missedOrCancelled: integer(0) })),
    registrationsPerWeek: arrayOf(object({ week: day, mentors: integer(0), mentees: integer(0) })),
    ratingPerMonth: arrayOf(object({ month: string({ pattern: '^\\d{4}-\\d{2}$' }), average, count: integer(0) })),
  }),
});

const adminSchemas: Record<string, JsonSchema> = {
  ProgramHealth: programHealthSchema,
  PairNudge: object({
    relationshipId: uuid,
    day: { ...day, description: 'The UTC day the nudge counts for: each person is sent it once a day.' },
    people: arrayOf(object({
      personId: uuid,
      name: string(),
      role: { type: 'string', enum: ['mentor', 'mentee'] },
      outcome: {
        type: 'string',
        enum: ['sent', 'already-sent', 'outside-working-hours', 'undeliverable'],
        description: 'outside-working-hours: not sent (nobody is nudged outside their working hours); nudge again from workingHoursFrom. undeliverable: Teams could not take it today (no chat with the bot, or it failed).',
      },
      workingHoursFrom: nullable(dateTime),
    })),
    message: string({ description: 'What happened, in a sentence per person, for the tab to show.' }),
  }),
  QuestionnairePreviewRequest: object({ questionnaire: ref('Questionnaire'), role: { type: 'string', enum: ['mentee', 'mentor', 'both'] } }),
  QuestionnairePreview: object({
    role: { type: 'string', enum: ['mentee', 'mentor', 'both'] },
    card: { type: 'object', description: 'The registration card (Adaptive Card 1.5 JSON) people in that role would get, from the bot\'s own builder.' },
    problems: arrayOf(object({ field: string({ description: 'A dotted path into the questionnaire.' }), reason: string() })),
  }),
  Problems: object(
    { error: string(), field: string(), problems: arrayOf(object({ field: string({ description: 'A dotted path into the body.' }), reason: string() })) },
    ['error', 'problems'],
  ),
  AdminMe: object({
    person: object({ id: uuid, name: string(), tenantId: string() }),
    tenantAdmin: { type: 'boolean' },
    tenantAdminVia: nullable({ type: 'string', enum: ['configuration', 'group'] }),
    canCreatePrograms: { type: 'boolean' },
    programs: arrayOf(object({ id: uuid, name: string(), status: { type: 'string', enum: ['draft', 'open', 'closed'] }, as: { type: 'string', enum: ['tenant-admin', 'program-admin'] } })),
  }),
  Question: questionSchemaDoc,
  Questionnaire: object({ questions: { ...arrayOf(ref('Question')), minItems: 1, maxItems: 60 } }),
  ProgramSummary: object(programSummaryProperties),
  Program: object({
    ...programSummaryProperties,
    questionnaire: ref('Questionnaire'),
    admins: arrayOf(object({ personId: uuid, name: string() })),
    changed: { type: 'boolean', description: 'On writes: false when the request changed nothing (a repeat).' },
  }, [...Object.keys(programSummaryProperties), 'questionnaire', 'admins']),
  NewProgram: object({ ...programFieldSchemas, questionnaire: ref('Questionnaire') }, ['name']),
  ProgramChanges: { ...object(programFieldSchemas, []), minProperties: 1 },
  QuestionnaireEdit: object(
    {
      questionnaire: ref('Questionnaire'),
      allowDroppingAnswers: { type: 'boolean', description: 'Needed to remove, or change the type of, a question people have answered. Their answers are kept but no longer read.' },
      expectedUpdatedAt: { ...dateTime, description: "The program's updatedAt the edit started from; a later change answers 409." },
    },
    ['questionnaire'],
  ),
  AuditEntry: object({
    id: { type: 'integer' },
    at: dateTime,
    actor: nullable(object({ personId: uuid, name: nullable(string()) })),
    action: string({ description: 'program.create, program.update, program.admins.replace, program.questionnaire.replace, program.open, program.close, participant.pause|resume|withdraw|rematch, pairing.create, match-run.start, match-run.publish, …' }),
    targetType: string(),
    targetId: string(),
    details: { type: 'object', description: 'Facts about the change (never text people wrote).' },
  }),
  Participant: participantSchema,
  ParticipantProfile: object({
    participant: ref('Participant'),
    answers: arrayOf(object({ questionId: string(), label: string(), answer: nullable(string()), hidden: { type: 'boolean', description: 'A sensitive answer: never shown.' } })),
    relationships: arrayOf({ ...pairRef, properties: { ...(pairRef.properties as object), as: role, endedAt: nullable(dateTime) }, required: [...(pairRef.required as string[]), 'as', 'endedAt'] }),
    proposals: arrayOf(object({
      proposalId: uuid,
      as: role,
      otherPersonId: uuid,
      otherName: string(),
      status: { type: 'string', enum: ['draft', 'proposed', 'accepted', 'declined', 'expired', 'withdrawn'] },
      source: { type: 'string', enum: ['algorithm', 'mentee-choice', 'admin'] },
      score: { type: 'number' },
      proposedAt: nullable(dateTime),
      respondedAt: nullable(dateTime),
    })),
    sessions: object({ total: { type: 'integer' }, held: { type: 'integer' }, scheduled: { type: 'integer' }, proposed: { type: 'integer' }, cancelled: { type: 'integer' }, missed: { type: 'integer' } }),
    ratings: object({ count: { type: 'integer' }, average: nullable({ type: 'number' }) }),
    openFlags: arrayOf(object({ id: uuid, relationshipId: uuid, reason: string(), raisedAt: dateTime })),
  }),
  ParticipantChange: object({ changed: { type: 'boolean' }, participant: ref('Participant') }),
  Rematch: object({
    changed: { type: 'boolean' },
    ended: nullable(object({ relationshipId: uuid, mentorName: string() })),
    proposal: nullable(object({ proposalId: uuid, mentorPersonId: uuid, mentorName: string(), score: { type: 'number' } })),
    note: nullable(string({ description: 'Why no mentor was proposed, or that one is already waiting.' })),
  }),
  StartRun: object(
    { weights: { type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 10 }, description: 'Per scored question id, the weight to try for this run only.' } },
    [],
  ),
  RunSummary: object(runSummaryProperties),
  Run: object({
    ...runSummaryProperties,
    comparison: arrayOf(object({
      objective: objectiveSchema,
      matched: { type: 'integer' },
      unmatched: { type: 'integer' },
      totalScore: { type: 'number' },
      averageScore: nullable({ type: 'number' }),
      minScore: nullable({ type: 'number' }),
      mentorLoad: arrayOf(object({ mentees: { type: 'integer', description: 'Mentees per mentor after publishing…' }, mentors: { type: 'integer', description: '…and how many mentors would have that many.' } })),
    })),
    drafts: arrayOf(object({
      objective: objectiveSchema,
      matched: { type: 'integer' },
      totalScore: { type: 'number' },
      minScore: nullable({ type: 'number' }),
      pairs: arrayOf(draftPair),
      unmatched: arrayOf(object({
        personId: uuid,
        name: string(),
        cause: { type: 'string', enum: ['no-eligible-mentor', 'mentors-full'] },
        reason: string(),
        exclusions: arrayOf(object({ code: string(), mentors: { type: 'integer' }, words: string() })),
      })),
    })),
    unmatched: arrayOf(object({ personId: uuid, name: string(), reason: string() })),
    timings: object({ scoringMs: { type: 'integer' }, solvingMs: { type: 'integer' } }),
  }),
  Publish: object({ objective: objectiveSchema }),
  Published: object({ run: ref('RunSummary'), proposed: { type: 'integer' }, skipped: arrayOf(object({ menteeName: string(), reason: string() })) }),
  PairingPreviewRequest: object({ menteePersonId: uuid, mentorPersonId: uuid }),
  Pairing: object({ menteePersonId: uuid, mentorPersonId: uuid, override: { type: 'boolean', description: 'Set aside the rules an admin may override (past pair, time zone, language, reporting line).' } }, ['menteePersonId', 'mentorPersonId']),
  PairingPreview: object({
    mentee: object({ personId: uuid, name: string() }),
    mentor: object({ personId: uuid, name: string() }),
    score: nullable({ type: 'number' }),
    reasons,
    exclusions: arrayOf(object({ code: string(), words: string() })),
  }),
  Proposed: object({
    proposalId: uuid,
    mentee: object({ personId: uuid, name: string() }),
    mentor: object({ personId: uuid, name: string() }),
    score: { type: 'number' },
    reasons,
    expiresAt: dateTime,
  }),
};

const notFound = (what: string) => ({ '404': problem(`No such ${what} in this program.`) });
const conflict = (why: string) => ({ '409': problem(why) });

/** The admin API's paths, by the route module that registers them. */
export const adminPaths: Record<'programs' | 'questionnairePreview' | 'participants' | 'matching' | 'health' | 'exports', OpenApiDocument['paths']> = {
  programs: {
    '/admin/me': { get: adminOperation('getAdminMe', 'What the caller may administer: tenant admin (and how), and their programs. Anyone signed in may ask.', 'admin', ok('The caller as an admin.', ref('AdminMe'))) },
    '/programs': {
      get: adminOperation('listPrograms', 'The programs the caller administers (every one for tenant admins).', 'programs', ok('The programs.', object({ programs: arrayOf(ref('ProgramSummary')) }))),
      post: adminOperation('createProgram', 'Create a program (tenant admins). It starts as a draft; the questionnaire defaults to the standard one.', 'programs', { ...ok('The new program.', ref('Program'), '201'), ...unprocessable }, { body: 'NewProgram' }),
    },
    '/programs/{programId}': {
      get: adminOperation('getProgram', 'A program with its questionnaire and admins.', 'programs', ok('The program.', ref('Program')), { parameters: [programIdParameter] }),
      patch: adminOperation('updateProgram', 'Change settings or the admins; a cohort needs start and end, end after start.', 'programs', { ...ok('The program.', ref('Program')), ...unprocessable }, { parameters: [programIdParameter], body: 'ProgramChanges' }),
    },
    '/programs/{programId}/questionnaire': {
      put: adminOperation(
        'replaceQuestionnaire',
        'Replace the questionnaire with an edited one, after checking it. Answered questions are kept unless allowDroppingAnswers is set.',
        'programs',
        { ...ok('The program with its new questionnaire; answersDropped says what answers are no longer read.', ref('Program')), ...unprocessable, ...conflict('The program changed since expectedUpdatedAt.') },
        { parameters: [programIdParameter], body: 'QuestionnaireEdit' },
      ),
    },
    '/programs/{programId}/open': {
      post: adminOperation('openProgram', 'Open registration (from draft or closed). A repeat answers changed: false.', 'programs', { ...ok('The program.', ref('Program')), ...unprocessable }, { parameters: [programIdParameter] }),
    },
    '/programs/{programId}/close': {
      post: adminOperation('closeProgram', 'Close the program to registration and matching. A repeat answers changed: false.', 'programs', ok('The program.', ref('Program')), { parameters: [programIdParameter] }),
    },
    '/programs/{programId}/audit': {
      get: adminOperation(
        'listAudit',
        "What admins (and people) did in the program, newest first: who, what, when.",
        'programs',
        ok('A page of entries; nextBefore fetches the next page.', object({ entries: arrayOf(ref('AuditEntry')), nextBefore: nullable({ type: 'integer' }) })),
        {
          parameters: [
            programIdParameter,
            queryParameter('limit', 'Entries per page, 1 to 200 (50).', integer(1, 200)),
            queryParameter('before', 'Only entries older than this id (nextBefore).', integer(1)),
          ],
        },
      ),
    },
  },
  questionnairePreview: {
    '/programs/{programId}/questionnaire/preview': {
      post: adminOperation(
        'previewQuestionnaire',
        'The registration card an edited questionnaire would give people in a role, and the rules it still breaks (it renders anyway). Nothing is saved.',
        'programs',
        ok('The card and its problems.', ref('QuestionnairePreview')),
        { parameters: [programIdParameter], body: 'QuestionnairePreviewRequest' },
      ),
    },
  },
  participants: {
    '/programs/{programId}/participants': {
      get: adminOperation(
        'listParticipants',
        'Participants, by name, filtered.',
        'participants',
        ok('A page of participants.', object({ total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, participants: arrayOf(ref('Participant')) })),
        {
          parameters: [
            programIdParameter,
            queryParameter('role', 'Who acts as mentor (mentor or both) or as mentee (mentee or both).', { type: 'string', enum: ['mentor', 'mentee'] }),
            queryParameter('status', 'Enrollment status.', { type: 'string', enum: ['active', 'paused', 'withdrawn'] }),
            queryParameter('matched', 'Matched in the filtered role (a mentee with a mentor, a mentor with a mentee); without role, in either.', { type: 'string', enum: ['true', 'false'] }),
            queryParameter('q', 'Part of the name, ignoring case and accents.', string({ maxLength: 100 })),
            queryParameter('limit', '1 to 200 (50).', integer(1, 200)),
            queryParameter('offset', 'From 0.', integer(0)),
          ],
        },
      ),
    },
    '/programs/{programId}/participants/{personId}': {
      get: adminOperation('getParticipant', 'A participant: answers with their questions, current match, proposals, sessions, ratings, open flags.', 'participants', { ...ok('The profile.', ref('ParticipantProfile')), ...notFound('participant') }, { parameters: [programIdParameter, personIdParameter] }),
    },
    ...Object.fromEntries(
      (
        [
          ['pause', 'Pause: not offered to anyone until resumed; proposals waiting on them are closed.'],
          ['resume', 'Resume a paused participant.'],
          ['withdraw', 'Withdraw from the program; proposals waiting on them are closed. They can register again from chat.'],
        ] as const
      ).map(([action, summary]) => [
        `/programs/{programId}/participants/{personId}/${action}`,
        {
          post: adminOperation(`${action}Participant`, `${summary} A repeat answers changed: false.`, 'participants', { ...ok('The participant.', ref('ParticipantChange')), ...notFound('participant'), ...conflict('Not possible from their status (a withdrawn person cannot be paused).') }, { parameters: [programIdParameter, personIdParameter] }),
        },
      ]),
    ),
    '/programs/{programId}/participants/{personId}/rematch': {
      post: adminOperation(
        'rematchParticipant',
        "End the mentee's current relationship and propose the next best mentor they have not had. A repeat finds the proposal waiting and changes nothing.",
        'participants',
        { ...ok('What was ended and proposed.', ref('Rematch')), ...notFound('participant'), ...conflict('Not an active mentee, or the program is not open.') },
        { parameters: [programIdParameter, personIdParameter] },
      ),
    },
  },
  matching: {
    '/programs/{programId}/match-runs': {
      post: adminOperation(
        'startMatchRun',
        'Score and solve the pool in the background. 201 with the finished run when it is done within a few seconds; otherwise (or with Prefer: respond-async) 202 with the run running and a Location to follow.',
        'matching',
        { ...ok('The finished run.', ref('Run'), '201'), ...ok('The run, still running.', ref('RunSummary'), '202'), ...unprocessable },
        { parameters: [programIdParameter], body: 'StartRun' },
      ),
      get: adminOperation('listMatchRuns', 'The latest runs, newest first.', 'matching', ok('The runs.', object({ runs: arrayOf(ref('RunSummary')) })), { parameters: [programIdParameter] }),
    },
    '/programs/{programId}/match-runs/{runId}': {
      get: adminOperation('getMatchRun', 'A run: progress while running; then the objectives side by side, the pairs with reasons, and who is unmatched and why.', 'matching', { ...ok('The run.', ref('Run')), ...notFound('run') }, { parameters: [programIdParameter, runIdParameter] }),
    },
    '/programs/{programId}/match-runs/{runId}/publish': {
      post: adminOperation('publishMatchRun', "Propose every pair of one objective's draft to its mentor, once.", 'matching', { ...ok('What was proposed and skipped.', ref('Published')), ...notFound('run'), ...conflict('Already published, still running, or failed.') }, { parameters: [programIdParameter, runIdParameter], body: 'Publish' }),
    },
    '/programs/{programId}/pairings/preview': {
      post: adminOperation('previewPairing', "A pair's score and reasons, or why the rules exclude it.", 'matching', { ...ok('The preview.', ref('PairingPreview')), '422': problem('One of the two is not in the pool (matched, waiting, inactive).') }, { parameters: [programIdParameter], body: 'PairingPreviewRequest' }),
    },
    '/programs/{programId}/pairings': {
      post: adminOperation('createPairing', 'Propose a pair by hand; an excluded pair needs override (never for the same person or an inactive enrollment).', 'matching', { ...ok('The proposal sent to the mentor.', ref('Proposed'), '201'), '422': problem('Excluded by the rules (with exclusions), or not in the pool.') }, { parameters: [programIdParameter], body: 'Pairing' }),
    },
  },
  health: {
    '/programs/{programId}/health': {
      get: adminOperation(
        'getProgramHealth',
        "Program health for a date range: registrations, match rate, time to match, proposals, pairs, sessions, attendance, ratings, goals, mentor load, pairs at risk with actions, and weekly and monthly series. Each figure's definition is in src/domain/programHealth.ts. Answers may be up to a minute old (generatedAt).",
        'health',
        { ...ok('The figures.', ref('ProgramHealth')), '400': problem('from or to is not a date (YYYY-MM-DD), from is after to, the range is longer than three years, or an unknown parameter: `field` names it.') },
        {
          parameters: [
            programIdParameter,
            queryParameter('from', 'First day, inclusive (UTC). Default: 26 weeks before to.', day),
            queryParameter('to', 'Last day, inclusive (UTC). Default: today.', day),
          ],
        },
      ),
    },
    '/programs/{programId}/flags/{flagId}/resolve': {
      post: adminOperation(
        'resolvePairFlag',
        'Mark a pair flag as looked at (audited). A repeat answers alreadyResolved: true and records nothing.',
        'health',
        { ...ok('The flag.', object({ flag: object({ id: uuid, relationshipId: uuid, reason: riskReason, resolvedAt: dateTime }), alreadyResolved: { type: 'boolean' } })), ...notFound('flag') },
        { parameters: [programIdParameter, pathParameter('flagId', "The flag's id.")] },
      ),
    },
    '/programs/{programId}/pairs/{relationshipId}/nudge': {
      post: adminOperation(
        'nudgePair',
        'Send both people of an active pair the nudge card now (audited). Once a day per person: a repeat answers already-sent. Someone outside their working hours is not sent it; the answer says from when they can be.',
        'health',
        {
          ...ok('What happened for each person.', ref('PairNudge')),
          ...notFound('pair'),
          ...conflict('The pair is not active, or has a session booked (nothing to nudge them about).'),
        },
        { parameters: [programIdParameter, pathParameter('relationshipId', "The pair's (relationship's) id.")] },
      ),
    },
  },
  exports: Object.fromEntries(
    (
      [
        ['participants', 'Participants: registration, status, capacity, current match and their questionnaire answers (sensitive answers never).'],
        ['pairs', 'Pairs: people, status, stage, dates, sessions held, missed and cancelled, average rating, goals, open flags.'],
        ['sessions', "Sessions: pair, times, status, each person's calendar response, ratings."],
        ['ratings', 'Ratings: session, rater, score, whether it took place, and the comment (hidden from an admin who is the other person of that pair, unless shared).'],
      ] as const
    ).map(([table, summary]) => [
      `/programs/{programId}/exports/${table}.csv`,
      {
        get: adminOperation(
          `export${table[0]!.toUpperCase()}${table.slice(1)}`,
          `${summary} CSV (RFC 4180, UTF-8 with BOM, a header row; cells that a spreadsheet would run as a formula start with an apostrophe), as an attachment. Audited.`,
          'exports',
          { '200': { description: 'The CSV file.', content: { 'text/csv': { schema: string() } } } },
          { parameters: [programIdParameter] },
        ),
      },
    ]),
  ),
};

/** Adds a registered admin route module's paths (and every admin schema) to the served document. */
export function documentAdminRoutes(part: keyof typeof adminPaths, document: OpenApiDocument = openApiDocument): void {
  Object.assign(document.paths, adminPaths[part]);
  Object.assign(document.components.schemas, adminSchemas);
}
