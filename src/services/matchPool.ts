/**
 * Gathers what matching needs for one program from the store: who is waiting
 * for a mentor, which mentors have room, who sits in whose reporting line, and
 * who was paired before. Runs, "find a mentor", admin pairing and rematching
 * all start here, so they agree on who is eligible.
 */
import type { Participant, ScoringContext } from '../matching/participants';
import { isMentee, isMentor } from '../domain/roles';
import type { EnrollmentWithPerson } from '../store/repositories/enrollments';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import type { Directory } from './ports';

export interface MatchPool {
  program: Program;
  /** Active mentees with no current mentor and no proposal waiting. */
  mentees: Participant[];
  /** Active mentors, each with the room they have left (0 included, so explanations can say so). */
  mentors: Participant[];
  context: ScoringContext;
  /** Every active enrollment by person id, including mentees who are already matched. */
  enrollments: Map<string, EnrollmentWithPerson>;
  /** Mentee person id → the mentor they have now or are waiting on, by name. */
  busyMentees: Map<string, { kind: 'matched' | 'waiting'; mentorName: string }>;
}

const pairKey = (menteePersonId: string, mentorPersonId: string) => `${menteePersonId}|${mentorPersonId}`;

export async function loadMatchPool(store: Store, directory: Directory, program: Program): Promise<MatchPool> {
  const tenantId = program.tenantId;
  const [active, relationships, proposals] = await Promise.all([
    store.enrollments.listActiveWithPeople(tenantId, program.id),
    store.relationships.listForProgram(tenantId, program.id),
    store.matchProposals.listWithPeopleForProgram(tenantId, program.id),
  ]);
  const enrollments = new Map(active.map((e) => [e.personId, e]));
  const nameOf = (personId: string) => enrollments.get(personId)?.name ?? 'a mentor';

  const pairedBefore = new Set<string>();
  const busyMentees = new Map<string, { kind: 'matched' | 'waiting'; mentorName: string }>();
  const taken = new Map<string, number>();
  const take = (mentorPersonId: string) => taken.set(mentorPersonId, (taken.get(mentorPersonId) ?? 0) + 1);

  for (const r of relationships) {
    pairedBefore.add(pairKey(r.menteePersonId, r.mentorPersonId));
    if (r.status === 'active' || r.status === 'paused') {
      busyMentees.set(r.menteePersonId, { kind: 'matched', mentorName: nameOf(r.mentorPersonId) });
      take(r.mentorPersonId);
    }
  }
  for (const p of proposals) {
    if (p.status === 'declined' || p.status === 'expired') pairedBefore.add(pairKey(p.menteePersonId, p.mentorPersonId));
    if (p.status === 'proposed') {
      busyMentees.set(p.menteePersonId, { kind: 'waiting', mentorName: nameOf(p.mentorPersonId) });
      // A proposal waiting for an answer holds a place, so a mentor is never offered more than they can take.
      take(p.mentorPersonId);
    }
  }

  const participant = (e: EnrollmentWithPerson, capacity: number): Participant => ({
    personId: e.personId,
    enrollmentId: e.id,
    name: e.name,
    answers: e.answers,
    status: e.status,
    capacity,
  });
  const mentees = active.filter((e) => isMentee(e.role) && !busyMentees.has(e.personId)).map((e) => participant(e, 0));
  const mentors = active
    .filter((e) => isMentor(e.role))
    .map((e) => {
      const capacity = e.mentorCapacity ?? program.mentorCapacityDefault;
      return participant(e, Math.max(0, capacity - (taken.get(e.personId) ?? 0)));
    });

  const managerQuestion = program.questionnaire.questions.find((q) => q.purpose === 'manager');
  const lines = await directory.reportingLines(
    tenantId,
    active.map((e) => {
      const answer = managerQuestion ? e.answers[managerQuestion.id] : undefined;
      return {
        personId: e.personId,
        aadObjectId: e.aadObjectId,
        name: e.name,
        email: e.email,
        managerAnswer: typeof answer === 'string' ? answer : undefined,
      };
    }),
  );
  const none: ReadonlySet<string> = new Set();

  return {
    program,
    mentees,
    mentors,
    enrollments,
    busyMentees,
    context: {
      questionnaire: program.questionnaire,
      maxTimeZoneGapHours: program.maxTimeZoneGapHours,
      reportingLine: (menteePersonId) => lines.get(menteePersonId) ?? none,
      pairedBefore: (menteePersonId, mentorPersonId) => pairedBefore.has(pairKey(menteePersonId, mentorPersonId)),
    },
  };
}
