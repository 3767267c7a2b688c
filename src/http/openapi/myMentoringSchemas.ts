/** The component schemas of "My mentoring". Text limits come from the zod bodies so the document and the checks cannot drift apart. */
import { relationshipStages } from '../../store/schema';
import { BODY_LIMITS } from '../routes/myMentoringBodies';
import { arrayOf, dateTime, day, nullable, object, ref, role, string, text, uuid } from './builders';
import { type JsonSchema } from './types';

export const myMentoringSchemas: Record<string, JsonSchema> = {
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
