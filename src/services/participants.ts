/**
 * A program's participants as its admins see them: who registered, in which
 * role, whether they are matched, and what happened in their mentoring; and
 * what an admin can do about one person: pause, resume, withdraw, re-match.
 * Every action is one conditional write, so a repeat changes nothing and says
 * so, and every change is in the audit log.
 */
import type { Answers, AnswerValue } from '../domain/answers';
import type { Question } from '../domain/questionnaire';
import { isMentee, isMentor, type Role } from '../domain/roles';
import type { EnrollmentStatus, EnrollmentWithPerson, ParticipantActivity } from '../store/repositories/enrollments';
import type { ProposalWithPeople } from '../store/repositories/matchProposals';
import type { Program } from '../store/repositories/programs';
import type { Relationship } from '../store/repositories/relationships';
import type { Store } from '../store/store';
import type { MatchNotifier } from './ports';
import type { ProposalService } from './proposals';

export interface ParticipantFilter {
  /** Who acts in this role: `mentor` includes people registered as both. */
  role?: 'mentor' | 'mentee';
  status?: EnrollmentStatus;
  /** Matched in the filtered role (a mentee with a mentor, a mentor with a mentee); without a role, in any. */
  matched?: boolean;
  /** Part of the name, ignoring case and accents. */
  q?: string;
  limit: number;
  offset: number;
}

export interface PairRef {
  relationshipId: string;
  personId: string;
  name: string;
  status: Relationship['status'];
  startedAt: Date;
}

export interface PendingRef {
  proposalId: string;
  /** The participant's side of the proposal. */
  as: 'mentor' | 'mentee';
  otherPersonId: string;
  otherName: string;
  expiresAt: Date | null;
}

export interface ParticipantSummary {
  personId: string;
  enrollmentId: string;
  name: string;
  role: Role;
  status: EnrollmentStatus;
  registeredAt: Date;
  updatedAt: Date;
  /** Mentors: how many mentees they take (their answer, or the program's default). */
  mentorCapacity: number | null;
  mentor: PairRef | null;
  mentees: PairRef[];
  pending: PendingRef[];
  matched: boolean;
}

export interface AnswerView {
  questionId: string;
  label: string;
  /** The answer in words (option titles), or null when not answered or private. */
  answer: string | null;
  /** A sensitive answer is never shown, even to admins: matching alone reads it. */
  hidden: boolean;
}

export interface ProposalRef {
  proposalId: string;
  as: 'mentor' | 'mentee';
  otherPersonId: string;
  otherName: string;
  status: ProposalWithPeople['status'];
  source: ProposalWithPeople['source'];
  score: number;
  proposedAt: Date | null;
  respondedAt: Date | null;
}

export interface ParticipantProfile {
  participant: ParticipantSummary;
  answers: AnswerView[];
  /** Every relationship in the program, current and past, with the participant's side. */
  relationships: (PairRef & { as: 'mentor' | 'mentee'; endedAt: Date | null })[];
  proposals: ProposalRef[];
  activity: ParticipantActivity;
}

export type ActionResult =
  | { kind: 'done'; changed: boolean; participant: ParticipantSummary }
  | { kind: 'not-found' }
  | { kind: 'conflict'; reason: string };

export type RematchResult =
  | {
      kind: 'done';
      changed: boolean;
      ended: { relationshipId: string; mentorName: string } | null;
      proposal: { proposalId: string; mentorPersonId: string; mentorName: string; score: number } | null;
      /** Why no mentor was proposed, when none was. */
      note: string | null;
    }
  | { kind: 'not-found' }
  | { kind: 'conflict'; reason: string };

export interface Actor {
  tenantId: string;
  personId: string;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** An answer in the words the person saw. */
function answerWords(question: Question, value: AnswerValue): string {
  const title = (v: string) => question.options?.find((o) => o.value === v)?.title ?? v;
  if (Array.isArray(value)) return value.map(title).join(', ');
  if (typeof value === 'number') return String(value);
  return question.type === 'single-choice' ? title(value) : value;
}

export function answerViews(program: Program, answers: Answers): AnswerView[] {
  return program.questionnaire.questions.map((q) => {
    const value = answers[q.id];
    const hidden = q.sensitive === true;
    return { questionId: q.id, label: q.label, answer: hidden || value === undefined ? null : answerWords(q, value), hidden };
  });
}

export function createParticipantService(deps: { store: Store; proposals: ProposalService; notifier: MatchNotifier }) {
  const { store } = deps;

  /** Everything the list and the profile are built from, loaded once per request. */
  async function programState(program: Program) {
    const [enrollments, relationships, proposals] = await Promise.all([
      store.enrollments.listAllWithPeople(program.tenantId, program.id),
      store.relationships.listForProgram(program.tenantId, program.id),
      store.matchProposals.listWithPeopleForProgram(program.tenantId, program.id),
    ]);
    const names = new Map(enrollments.map((e) => [e.personId, e.name]));
    const missingIds = [...relationships.flatMap((r) => [r.mentorPersonId, r.menteePersonId]), ...proposals.flatMap((p) => [p.mentorPersonId, p.menteePersonId])].filter(
      (id) => !names.has(id),
    );
    for (const id of new Set(missingIds)) names.set(id, (await store.people.get(program.tenantId, id))?.name ?? 'Someone who left');
    return { enrollments, relationships, proposals, nameOf: (id: string) => names.get(id) ?? 'Someone who left' };
  }

  type State = Awaited<ReturnType<typeof programState>>;

  function summary(program: Program, e: EnrollmentWithPerson, state: State): ParticipantSummary {
    const current = state.relationships.filter((r) => r.status === 'active' || r.status === 'paused');
    const ref = (r: Relationship, otherId: string): PairRef => ({
      relationshipId: r.id,
      personId: otherId,
      name: state.nameOf(otherId),
      status: r.status,
      startedAt: r.startedAt,
    });
    const asMentee = current.find((r) => r.menteePersonId === e.personId);
    const mentees = current.filter((r) => r.mentorPersonId === e.personId).map((r) => ref(r, r.menteePersonId));
    const pending: PendingRef[] = state.proposals
      .filter((p) => p.status === 'proposed' && (p.menteePersonId === e.personId || p.mentorPersonId === e.personId))
      .map((p) => {
        const as = p.menteePersonId === e.personId ? ('mentee' as const) : ('mentor' as const);
        const otherPersonId = as === 'mentee' ? p.mentorPersonId : p.menteePersonId;
        return { proposalId: p.id, as, otherPersonId, otherName: state.nameOf(otherPersonId), expiresAt: p.expiresAt };
      });
    return {
      personId: e.personId,
      enrollmentId: e.id,
      name: e.name,
      role: e.role,
      status: e.status,
      registeredAt: e.createdAt,
      updatedAt: e.updatedAt,
      mentorCapacity: isMentor(e.role) ? (e.mentorCapacity ?? program.mentorCapacityDefault) : null,
      mentor: asMentee ? ref(asMentee, asMentee.mentorPersonId) : null,
      mentees,
      pending,
      matched: Boolean(asMentee) || mentees.length > 0,
    };
  }

  function matches(s: ParticipantSummary, filter: ParticipantFilter): boolean {
    if (filter.role === 'mentor' && !isMentor(s.role)) return false;
    if (filter.role === 'mentee' && !isMentee(s.role)) return false;
    if (filter.status && s.status !== filter.status) return false;
    if (filter.matched !== undefined) {
      const matched = filter.role === 'mentor' ? s.mentees.length > 0 : filter.role === 'mentee' ? s.mentor !== null : s.matched;
      if (matched !== filter.matched) return false;
    }
    if (filter.q && !fold(s.name).includes(fold(filter.q))) return false;
    return true;
  }

  async function one(program: Program, personId: string): Promise<{ e: EnrollmentWithPerson; state: State } | undefined> {
    const state = await programState(program);
    const e = state.enrollments.find((x) => x.personId === personId);
    return e && { e, state };
  }

  async function fresh(program: Program, personId: string): Promise<ParticipantSummary> {
    const found = (await one(program, personId))!;
    return summary(program, found.e, found.state);
  }

  /** Closes what waits on the person (their proposals), so nobody is left hanging on someone paused or gone. */
  async function closeWaiting(program: Program, personId: string): Promise<void> {
    const person = await store.people.get(program.tenantId, personId);
    if (person) await deps.proposals.closeOpenFor(person, program.id);
  }

  async function moveStatus(
    actor: Actor,
    program: Program,
    personId: string,
    from: EnrollmentStatus[],
    to: EnrollmentStatus,
    action: string,
    refusals: Partial<Record<EnrollmentStatus, string>>,
  ): Promise<ActionResult> {
    const found = await one(program, personId);
    if (!found) return { kind: 'not-found' };
    const current = found.e.status;
    if (current === to) return { kind: 'done', changed: false, participant: summary(program, found.e, found.state) };
    const refusal = refusals[current];
    if (refusal) return { kind: 'conflict', reason: refusal };
    const moved = await store.transaction(async (tx) => {
      const row = await tx.enrollments.setStatus(program.tenantId, program.id, personId, from, to);
      if (row) {
        await tx.auditLog.record({
          tenantId: program.tenantId,
          actorPersonId: actor.personId,
          action,
          targetType: 'enrollment',
          targetId: row.id,
          details: { programId: program.id, personId, from: current, to },
        });
      }
      return row;
    });
    if (moved && to !== 'active') await closeWaiting(program, personId);
    return { kind: 'done', changed: Boolean(moved), participant: await fresh(program, personId) };
  }

  return {
    async list(program: Program, filter: ParticipantFilter): Promise<{ total: number; participants: ParticipantSummary[] }> {
      const state = await programState(program);
      const all = state.enrollments.map((e) => summary(program, e, state)).filter((s) => matches(s, filter));
      return { total: all.length, participants: all.slice(filter.offset, filter.offset + filter.limit) };
    },

    async profile(program: Program, personId: string): Promise<ParticipantProfile | undefined> {
      const found = await one(program, personId);
      if (!found) return undefined;
      const { e, state } = found;
      const mine = state.relationships.filter((r) => r.mentorPersonId === personId || r.menteePersonId === personId);
      const proposals = state.proposals
        .filter((p) => p.mentorPersonId === personId || p.menteePersonId === personId)
        .map((p): ProposalRef => {
          const as = p.menteePersonId === personId ? ('mentee' as const) : ('mentor' as const);
          const otherPersonId = as === 'mentee' ? p.mentorPersonId : p.menteePersonId;
          return {
            proposalId: p.id,
            as,
            otherPersonId,
            otherName: state.nameOf(otherPersonId),
            status: p.status,
            source: p.source,
            score: p.score,
            proposedAt: p.proposedAt,
            respondedAt: p.respondedAt,
          };
        });
      return {
        participant: summary(program, e, state),
        answers: answerViews(program, e.answers),
        relationships: mine.map((r) => {
          const as = r.menteePersonId === personId ? ('mentee' as const) : ('mentor' as const);
          const otherId = as === 'mentee' ? r.mentorPersonId : r.menteePersonId;
          return { relationshipId: r.id, personId: otherId, name: state.nameOf(otherId), status: r.status, startedAt: r.startedAt, endedAt: r.endedAt, as };
        }),
        proposals,
        activity: await store.enrollments.participantActivity(program.tenantId, mine.map((r) => r.id)),
      };
    },

    /** Not offered to anyone until resumed; proposals waiting on them are closed. Current pairs carry on. */
    pause: (actor: Actor, program: Program, personId: string) =>
      moveStatus(actor, program, personId, ['active'], 'paused', 'participant.pause', {
        withdrawn: 'This person has withdrawn from the program; they can register again from chat.',
      }),

    resume: (actor: Actor, program: Program, personId: string) =>
      moveStatus(actor, program, personId, ['paused'], 'active', 'participant.resume', {
        withdrawn: 'This person has withdrawn from the program; they can register again from chat.',
      }),

    /** Out of the program, as if they withdrew from chat: proposals waiting on them are closed; their answers stay for a return. */
    withdraw: (actor: Actor, program: Program, personId: string) =>
      moveStatus(actor, program, personId, ['active', 'paused'], 'withdrawn', 'participant.withdraw', {}),

    /**
     * Ends the mentee's current relationship and proposes the next best
     * mentor they have not had (the old one counts as a past pair). A repeat
     * finds the proposal already waiting and changes nothing.
     */
    async rematch(actor: Actor, program: Program, menteePersonId: string): Promise<RematchResult> {
      const found = await one(program, menteePersonId);
      if (!found) return { kind: 'not-found' };
      const { e, state } = found;
      if (!isMentee(e.role)) return { kind: 'conflict', reason: 'This person is not a mentee in the program.' };
      if (e.status !== 'active') {
        return { kind: 'conflict', reason: `This mentee is ${e.status}; resume them first so a mentor can be proposed.` };
      }
      const waiting = state.proposals.find((p) => p.status === 'proposed' && p.menteePersonId === menteePersonId);
      const current = state.relationships.find(
        (r) => r.menteePersonId === menteePersonId && (r.status === 'active' || r.status === 'paused'),
      );
      if (waiting && !current) {
        return {
          kind: 'done',
          changed: false,
          ended: null,
          proposal: { proposalId: waiting.id, mentorPersonId: waiting.mentorPersonId, mentorName: state.nameOf(waiting.mentorPersonId), score: waiting.score },
          note: 'A proposal is already waiting for the mentor’s answer.',
        };
      }
      if (program.status !== 'open') {
        return { kind: 'conflict', reason: 'The program is not open, so no new mentor can be proposed. Open it first.' };
      }

      let ended: { relationshipId: string; mentorName: string } | null = null;
      if (current) {
        const row = await store.transaction(async (tx) => {
          const endedRow = await tx.relationships.end(program.tenantId, current.id, 'ended', 'Re-matched by a program admin');
          if (endedRow) {
            await tx.auditLog.record({
              tenantId: program.tenantId,
              actorPersonId: actor.personId,
              action: 'participant.rematch',
              targetType: 'relationship',
              targetId: current.id,
              details: { programId: program.id, menteePersonId, mentorPersonId: current.mentorPersonId },
            });
          }
          return endedRow;
        });
        if (row) {
          ended = { relationshipId: current.id, mentorName: state.nameOf(current.mentorPersonId) };
          await deps.notifier.relationshipEnded(program.tenantId, current.mentorPersonId, 'A program admin');
          await deps.notifier.relationshipEnded(program.tenantId, menteePersonId, 'A program admin');
        }
      } else {
        await store.auditLog.record({
          tenantId: program.tenantId,
          actorPersonId: actor.personId,
          action: 'participant.rematch',
          targetType: 'enrollment',
          targetId: e.id,
          details: { programId: program.id, menteePersonId, mentorPersonId: null },
        });
      }
      const notice = await deps.proposals.proposeNextBest(program, menteePersonId);
      return {
        kind: 'done',
        changed: true,
        ended,
        proposal: notice ? { proposalId: notice.proposalId, mentorPersonId: notice.mentorPersonId, mentorName: notice.mentorName, score: notice.score } : null,
        note: notice ? null : 'No other mentor passes the program’s rules for this mentee right now; they stay in the pool for the next run.',
      };
    },
  };
}

export type ParticipantService = ReturnType<typeof createParticipantService>;
