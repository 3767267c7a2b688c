/** The schemas of program health and nudges: the figures are many, so they keep to a file of their own. */
import { arrayOf, dateTime, day, integer, nullable, object, string, uuid } from './builders';
import { type JsonSchema } from './types';

export const riskReason = { type: 'string', enum: ['low-rating', 'did-not-meet', 'no-session', 'no-first-contact'] };
const counts = (...keys: string[]) => object(Object.fromEntries(keys.map((k) => [k, integer(0)])));
const share = nullable({ type: 'number', minimum: 0, maximum: 1 });
const average = nullable({ type: 'number', minimum: 1, maximum: 5 });
const personRef = object({ personId: uuid, name: string() });
export const programHealthSchema: JsonSchema = object({
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

export const pairNudgeSchema: JsonSchema = object({
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
});
