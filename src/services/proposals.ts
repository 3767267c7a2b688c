/**
 * Proposals, from the moment a mentor is asked until they answer or the
 * proposal lapses: "find a mentor" and the mentee's request, the mentor's
 * accept or decline, expiry, and proposing the next best mentor. Every change
 * is one conditional write, so a repeated click or a retried job changes
 * nothing the second time.
 */
import { answeredTimeZone, goalsText, roleLine } from '../domain/profileSummary';
import type { MatchReasons } from '../domain/matchRuns';
import { rankMentorsFor, type RankedMentor } from '../matching/candidates';
import type { Participant } from '../matching/participants';
import type { MatchProposal, ProposalSource, ProposalWithPeople } from '../store/repositories/matchProposals';
import type { Person } from '../store/repositories/people';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import { loadMatchPool, type MatchPool } from './matchPool';
import type { Clock, Directory, MatchNotifier, JobScheduler, ProposalNotice } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;
export const MENTOR_OPTIONS = 5;

export interface ProposalDeps {
  store: Store;
  directory: Directory;
  notifier: MatchNotifier;
  scheduler: JobScheduler;
  clock: Clock;
  /** After a match is accepted: the pair is offered session times (scheduling). */
  onMatchAccepted?: (tenantId: string, relationshipId: string) => Promise<void>;
}

export type FindMentorsResult =
  | { kind: 'options'; program: Program; options: RankedMentor[] }
  | { kind: 'not-a-mentee'; program: Program }
  | { kind: 'busy'; program: Program; state: 'matched' | 'waiting'; mentorName: string }
  | { kind: 'not-mentee-choice'; program: Program }
  | { kind: 'program-unavailable' };

export type RequestMentorResult =
  | { kind: 'requested'; notice: ProposalNotice }
  | { kind: 'already-requested'; notice: ProposalNotice }
  | { kind: 'busy'; state: 'matched' | 'waiting'; mentorName: string }
  | { kind: 'mentor-unavailable'; reason: string }
  | Exclude<FindMentorsResult, { kind: 'options' } | { kind: 'busy' }>;

export type ResponseResult =
  | { kind: 'accepted' | 'declined'; notice: ProposalNotice; at: Date }
  /** Answered before, or expired or closed: the card shows that final state. */
  | { kind: 'final'; status: MatchProposal['status']; notice: ProposalNotice; at: Date }
  | { kind: 'not-yours'; notice: ProposalNotice }
  | { kind: 'unknown' };

export function createProposalService(deps: ProposalDeps) {
  const { store, notifier, clock } = deps;

  async function noticeFor(proposal: ProposalWithPeople): Promise<ProposalNotice | undefined> {
    const tenantId = proposal.tenantId;
    const [program, menteeEnrollment, mentorEnrollment, mentee, mentor] = await Promise.all([
      store.programs.get(tenantId, proposal.programId),
      store.enrollments.get(tenantId, proposal.menteeEnrollmentId),
      store.enrollments.get(tenantId, proposal.mentorEnrollmentId),
      store.people.get(tenantId, proposal.menteePersonId),
      store.people.get(tenantId, proposal.mentorPersonId),
    ]);
    if (!program || !menteeEnrollment || !mentorEnrollment || !mentee || !mentor) return undefined;
    return proposalNotice(
      proposal,
      program,
      { personId: mentee.id, name: mentee.name, answers: menteeEnrollment.answers },
      { personId: mentor.id, name: mentor.name, answers: mentorEnrollment.answers },
    );
  }

  /**
   * Asks a mentor. The store allows one open proposal per mentee, so two
   * racing requests make one proposal; the loser gets undefined.
   */
  async function propose(
    pool: MatchPool,
    pair: { mentee: Participant; mentor: Participant; score: number; reasons: MatchReasons },
    origin: { source: ProposalSource; runId?: string; requestedByPersonId?: string },
  ): Promise<ProposalNotice | undefined> {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + pool.program.proposalExpiryDays * DAY_MS);
    let proposal: MatchProposal;
    try {
      proposal = await store.matchProposals.create({
        tenantId: pool.program.tenantId,
        programId: pool.program.id,
        menteeEnrollmentId: pair.mentee.enrollmentId,
        mentorEnrollmentId: pair.mentor.enrollmentId,
        score: pair.score,
        reasons: pair.reasons,
        status: 'proposed',
        source: origin.source,
        runId: origin.runId ?? null,
        requestedByPersonId: origin.requestedByPersonId ?? null,
        proposedAt: now,
        expiresAt,
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    await store.auditLog.record({
      tenantId: proposal.tenantId,
      actorPersonId: origin.requestedByPersonId ?? null,
      action: 'proposal.create',
      targetType: 'match_proposal',
      targetId: proposal.id,
      details: { source: origin.source, runId: origin.runId ?? null, score: proposal.score },
    });
    await deps.scheduler.schedule('proposal-expiry', { tenantId: proposal.tenantId, proposalId: proposal.id }, expiresAt);
    const notice = proposalNotice(proposal, pool.program, pair.mentee, pair.mentor);
    await notifier.proposalToMentor(notice);
    return notice;
  }

  /** After a decline, an expiry or an ended relationship: the best mentor this mentee has not had yet. */
  async function proposeNextBest(program: Program, menteePersonId: string): Promise<ProposalNotice | undefined> {
    const pool = await loadMatchPool(store, deps.directory, program);
    const mentee = pool.mentees.find((m) => m.personId === menteePersonId);
    if (!mentee || program.status !== 'open') return undefined;
    const [best] = rankMentorsFor(mentee, pool.mentors, pool.context, 1);
    if (!best) return undefined;
    return propose(pool, { mentee, mentor: best.mentor, score: best.score, reasons: best.reasons }, { source: 'algorithm' });
  }

  async function openProgram(tenantId: string, programId: string): Promise<Program | undefined> {
    const program = await store.programs.get(tenantId, programId);
    return program?.status === 'open' ? program : undefined;
  }

  async function menteeChoicePool(
    person: Person,
    programId: string,
  ): Promise<{ pool: MatchPool; mentee: Participant } | Exclude<FindMentorsResult, { kind: 'options' }>> {
    const program = await openProgram(person.tenantId, programId);
    if (!program) return { kind: 'program-unavailable' };
    if (program.matchingMode !== 'mentee-choice') return { kind: 'not-mentee-choice', program };
    const pool = await loadMatchPool(store, deps.directory, program);
    const busy = pool.busyMentees.get(person.id);
    if (busy) return { kind: 'busy', program, state: busy.kind, mentorName: busy.mentorName };
    const mentee = pool.mentees.find((m) => m.personId === person.id);
    if (!mentee) return { kind: 'not-a-mentee', program };
    return { pool, mentee };
  }

  /** A response to a card click on a proposal, after checking it is the mentor's to answer. */
  async function respond(
    person: Person,
    proposalId: string,
    answer: 'accepted' | 'declined',
    declineReason: string | null,
  ): Promise<ResponseResult> {
    const proposal = await store.matchProposals.getWithPeople(person.tenantId, proposalId);
    const notice = proposal && (await noticeFor(proposal));
    if (!proposal || !notice) return { kind: 'unknown' };
    if (proposal.mentorPersonId !== person.id) return { kind: 'not-yours', notice };

    const outcome = await store.transaction(async (tx) => {
      const updated = await tx.matchProposals.respond(person.tenantId, proposalId, 'proposed', answer, { declineReason });
      if (!updated) return undefined;
      let relationshipId: string | undefined;
      if (answer === 'accepted') {
        ({ id: relationshipId } = await tx.relationships.create({
          tenantId: person.tenantId,
          programId: proposal.programId,
          mentorPersonId: proposal.mentorPersonId,
          menteePersonId: proposal.menteePersonId,
          proposalId: proposal.id,
        }));
      }
      await tx.auditLog.record({
        tenantId: person.tenantId,
        actorPersonId: person.id,
        action: answer === 'accepted' ? 'proposal.accept' : 'proposal.decline',
        targetType: 'match_proposal',
        targetId: proposal.id,
        details: { declineReasonGiven: Boolean(declineReason) },
      });
      return { ...updated, relationshipId };
    });

    if (!outcome) {
      const current = (await store.matchProposals.get(person.tenantId, proposalId))!;
      return { kind: 'final', status: current.status, notice, at: current.respondedAt ?? current.expiresAt ?? clock.now() };
    }
    const at = outcome.respondedAt ?? clock.now();
    if (answer === 'accepted') {
      await notifier.matchMade(notice);
      if (outcome.relationshipId) await deps.onMatchAccepted?.(person.tenantId, outcome.relationshipId);
      return { kind: 'accepted', notice, at };
    }
    const program = (await store.programs.get(person.tenantId, proposal.programId))!;
    const next = await proposeNextBest(program, proposal.menteePersonId);
    await notifier.menteeProposalLapsed(notice, 'declined', next ? { mentorName: next.mentorName } : null);
    return { kind: 'declined', notice, at };
  }

  return {
    proposeNextBest,
    propose,

    /** "Find a mentor": the mentee's best mentors, in a mentee-choice program. */
    async findMentors(person: Person, programId: string): Promise<FindMentorsResult> {
      const found = await menteeChoicePool(person, programId);
      if (!('pool' in found)) return found;
      const options = rankMentorsFor(found.mentee, found.pool.mentors, found.pool.context, MENTOR_OPTIONS);
      return { kind: 'options', program: found.pool.program, options };
    },

    /** The mentee asks one of the offered mentors; asking again for the same one is answered, not repeated. */
    async requestMentor(person: Person, programId: string, mentorPersonId: string): Promise<RequestMentorResult> {
      const [waiting] = (await store.matchProposals.listOpenForPerson(person.tenantId, person.id)).filter(
        (p) => p.menteePersonId === person.id && p.programId === programId,
      );
      if (waiting?.mentorPersonId === mentorPersonId) {
        const notice = await noticeFor(waiting);
        if (notice) return { kind: 'already-requested', notice };
      }
      const found = await menteeChoicePool(person, programId);
      if (!('pool' in found)) return found;
      const mentor = found.pool.mentors.find((m) => m.personId === mentorPersonId);
      if (!mentor) return { kind: 'mentor-unavailable', reason: 'This mentor is no longer taking part in the program.' };
      const [ranked] = rankMentorsFor(found.mentee, [mentor], found.pool.context, 1);
      if (!ranked) {
        return { kind: 'mentor-unavailable', reason: `${mentor.name} can't take on another mentee right now.` };
      }
      const notice = await propose(
        found.pool,
        { mentee: found.mentee, mentor, score: ranked.score, reasons: ranked.reasons },
        { source: 'mentee-choice', requestedByPersonId: person.id },
      );
      if (!notice) return { kind: 'busy', state: 'waiting', mentorName: mentor.name };
      return { kind: 'requested', notice };
    },

    accept: (person: Person, proposalId: string) => respond(person, proposalId, 'accepted', null),
    decline: (person: Person, proposalId: string, reason: string | null) => respond(person, proposalId, 'declined', reason),

    /**
     * After a withdrawal: closes the person's open proposals, so nobody accepts
     * a pair that can no longer happen. A mentee whose mentor left is offered
     * the next best one.
     */
    async closeOpenFor(person: Person, programId: string): Promise<void> {
      const enrollment = await store.enrollments.find(person.tenantId, programId, person.id);
      if (!enrollment) return;
      const closed = await store.matchProposals.withdrawOpenFor(person.tenantId, [enrollment.id]);
      for (const row of closed) {
        const proposal = (await store.matchProposals.getWithPeople(person.tenantId, row.id))!;
        const notice = await noticeFor(proposal);
        if (!notice) continue;
        await notifier.proposalEnded(notice, 'closed', clock.now());
        if (proposal.mentorPersonId === person.id) {
          const program = (await store.programs.get(person.tenantId, programId))!;
          const next = await proposeNextBest(program, proposal.menteePersonId);
          await notifier.menteeProposalLapsed(notice, 'declined', next ? { mentorName: next.mentorName } : null);
        }
      }
    },

    /** The expiry job: lapses a proposal still unanswered when it is due, then asks the next best mentor. */
    async expire(job: { tenantId: string; proposalId: string }): Promise<'expired' | 'answered' | 'rescheduled'> {
      const expired = await store.matchProposals.respond(job.tenantId, job.proposalId, 'proposed', 'expired', {
        dueBy: clock.now(),
      });
      if (!expired) {
        // Early by our clock (the job queue goes by the database's): try again when it is due.
        const current = await store.matchProposals.get(job.tenantId, job.proposalId);
        if (current?.status !== 'proposed' || !current.expiresAt) return 'answered';
        await deps.scheduler.schedule('proposal-expiry', job, current.expiresAt);
        return 'rescheduled';
      }
      const proposal = (await store.matchProposals.getWithPeople(job.tenantId, job.proposalId))!;
      const notice = await noticeFor(proposal);
      if (!notice) return 'expired';
      await notifier.proposalEnded(notice, 'expired', clock.now());
      const program = (await store.programs.get(job.tenantId, proposal.programId))!;
      const next = await proposeNextBest(program, proposal.menteePersonId);
      await notifier.menteeProposalLapsed(notice, 'expired', next ? { mentorName: next.mentorName } : null);
      return 'expired';
    },
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;

type Side = Pick<Participant, 'personId' | 'name' | 'answers'>;

/** A proposal as the people it concerns are told about it, from its row and the two people's answers. */
function proposalNotice(proposal: MatchProposal, program: Program, mentee: Side, mentor: Side): ProposalNotice {
  return {
    tenantId: proposal.tenantId,
    proposalId: proposal.id,
    programName: program.name,
    source: proposal.source,
    mentorPersonId: mentor.personId,
    mentorName: mentor.name,
    menteePersonId: mentee.personId,
    menteeName: mentee.name,
    menteeRole: roleLine(program.questionnaire, mentee.answers),
    menteeGoals: goalsText(mentee.answers),
    reasons: proposal.reasons,
    score: proposal.score,
    // Only a proposal that was never sent lacks one, and those are not shown to anyone.
    expiresAt: proposal.expiresAt ?? proposal.createdAt,
    mentorTimeZone: answeredTimeZone(mentor.answers),
    menteeTimeZone: answeredTimeZone(mentee.answers),
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
