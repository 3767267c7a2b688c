/** The component schemas of the admin API. Program limits come from the zod bodies so the document and the checks cannot drift apart. */
import { PROGRAM_LIMITS } from '../routes/adminBodies';
import { pairNudgeSchema, programHealthSchema } from './adminHealthSchemas';
import { arrayOf, dateTime, day, integer, nullable, object, ref, role, string, text, uuid } from './builders';
import { type JsonSchema } from './types';

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

export const adminSchemas: Record<string, JsonSchema> = {
  ProgramHealth: programHealthSchema,
  PairNudge: pairNudgeSchema,
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
