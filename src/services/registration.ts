/**
 * Registration use cases: start, submit, view, withdraw. Every write is
 * conditional on the revision the card was built from, so repeated or stale
 * clicks are recognised and change nothing.
 */
import { submittedValues, validateRegistration, type FieldErrors } from '../domain/registration';
import { isMentor, type Role } from '../domain/roles';
import type { Enrollment } from '../store/repositories/enrollments';
import type { Person } from '../store/repositories/people';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';

export type SubmitResult =
  | { kind: 'saved'; program: Program; enrollment: Enrollment; firstTime: boolean }
  | { kind: 'invalid'; program: Program; errors: FieldErrors; formError?: string; values: Record<string, string> }
  | { kind: 'already-saved'; program: Program; enrollment: Enrollment }
  | { kind: 'program-unavailable' };

export type WithdrawResult =
  | { kind: 'withdrawn'; program: Program; enrollment: Enrollment }
  | { kind: 'already-withdrawn'; program: Program; enrollment: Enrollment }
  | { kind: 'not-registered'; program: Program }
  | { kind: 'program-unavailable' };

/** An open program as offered in chat, with the person's enrollment in it if they have one. */
export interface ProgramOffer {
  program: Program;
  enrollment?: Enrollment;
}

/** A program the person is registered in (not withdrawn). */
export interface Registration {
  program: Program;
  enrollment: Enrollment;
}

export interface Submission {
  programId: string;
  role: Role;
  revision: number;
  /** The card's input values, keyed by input id. */
  inputs: Record<string, unknown>;
}

export function createRegistrationService(store: Store) {
  async function openProgram(tenantId: string, programId: string): Promise<Program | undefined> {
    const program = await store.programs.get(tenantId, programId);
    return program?.status === 'open' ? program : undefined;
  }

  return {
    /** The program people register for from chat: the tenant's first open one. */
    async currentProgram(tenantId: string): Promise<Program | undefined> {
      const [program] = await store.programs.listOpen(tenantId);
      return program;
    },

    openProgram,

    async openPrograms(tenantId: string): Promise<Program[]> {
      return store.programs.listOpen(tenantId);
    },

    /** Any program of the tenant, whatever its status: for naming it when it is no longer open. */
    async program(tenantId: string, programId: string): Promise<Program | undefined> {
      return store.programs.get(tenantId, programId);
    },

    /** The programs open for registration, oldest first, each with the person's enrollment. Drafts and closed ones are never offered. */
    async offers(person: Person): Promise<ProgramOffer[]> {
      const [open, mine] = await Promise.all([
        store.programs.listOpen(person.tenantId),
        store.enrollments.listForPerson(person.tenantId, person.id),
      ]);
      return open.map((program) => {
        const enrollment = mine.find((e) => e.programId === program.id);
        return enrollment ? { program, enrollment } : { program };
      });
    },

    /**
     * The person's registrations in open programs, oldest program first: what
     * `profile`, `withdraw` and `find a mentor` choose from. A closed
     * program's registration can no longer be edited from chat.
     */
    async registrations(person: Person): Promise<Registration[]> {
      const [open, mine] = await Promise.all([
        store.programs.listOpen(person.tenantId),
        store.enrollments.listForPerson(person.tenantId, person.id),
      ]);
      return open.flatMap((program) => {
        const enrollment = mine.find((e) => e.programId === program.id && e.status !== 'withdrawn');
        return enrollment ? [{ program, enrollment }] : [];
      });
    },

    /**
     * Every program, open or closed, in which the person is registered, has a
     * current mentorship or an open proposal, oldest first: what `my matches`
     * shows. Mentorships go on after a program closes to newcomers.
     */
    async programsInvolving(person: Person): Promise<Program[]> {
      const [all, mine, relationships, proposals] = await Promise.all([
        store.programs.listAll(person.tenantId),
        store.enrollments.listForPerson(person.tenantId, person.id),
        store.relationships.listForPerson(person.tenantId, person.id),
        store.matchProposals.listOpenForPerson(person.tenantId, person.id),
      ]);
      const involved = new Set([
        ...mine.filter((e) => e.status !== 'withdrawn').map((e) => e.programId),
        ...relationships.filter((r) => r.status === 'active' || r.status === 'paused').map((r) => r.programId),
        ...proposals.map((p) => p.programId),
      ]);
      return all.filter((p) => p.status !== 'draft' && involved.has(p.id));
    },

    async findEnrollment(person: Person, programId: string): Promise<Enrollment | undefined> {
      return store.enrollments.find(person.tenantId, programId, person.id);
    },

    async submit(person: Person, submission: Submission): Promise<SubmitResult> {
      const program = await openProgram(person.tenantId, submission.programId);
      if (!program) return { kind: 'program-unavailable' };

      const current = await store.enrollments.find(person.tenantId, program.id, person.id);
      if (current && current.revision !== submission.revision) {
        return { kind: 'already-saved', program, enrollment: current };
      }

      const validation = validateRegistration(program.questionnaire, submission.role, submission.inputs);
      if (!validation.ok) {
        return {
          kind: 'invalid',
          program,
          errors: validation.errors,
          formError: validation.formError,
          values: submittedValues(submission.inputs),
        };
      }

      const mentorCapacity = isMentor(submission.role)
        ? (validation.mentorCapacity ?? program.mentorCapacityDefault)
        : null;
      return store.transaction(async (tx) => {
        const saved = await tx.enrollments.saveIfRevision(
          {
            tenantId: person.tenantId,
            programId: program.id,
            personId: person.id,
            role: submission.role,
            answers: validation.answers,
            mentorCapacity,
          },
          submission.revision,
        );
        if (!saved) {
          const winner = await tx.enrollments.find(person.tenantId, program.id, person.id);
          return { kind: 'already-saved', program, enrollment: winner! } as const;
        }
        const firstTime = saved.revision === 1;
        await tx.auditLog.record({
          tenantId: person.tenantId,
          actorPersonId: person.id,
          action: firstTime ? 'enrollment.registered' : 'enrollment.updated',
          targetType: 'enrollment',
          targetId: saved.id,
          details: { programId: program.id, role: saved.role, revision: saved.revision },
        });
        return { kind: 'saved', program, enrollment: saved, firstTime } as const;
      });
    },

    async withdraw(person: Person, programId: string): Promise<WithdrawResult> {
      const program = await store.programs.get(person.tenantId, programId);
      if (!program) return { kind: 'program-unavailable' };
      const current = await store.enrollments.find(person.tenantId, program.id, person.id);
      if (!current) return { kind: 'not-registered', program };
      if (current.status === 'withdrawn') return { kind: 'already-withdrawn', program, enrollment: current };

      return store.transaction(async (tx) => {
        const withdrawn = await tx.enrollments.withdraw(person.tenantId, program.id, person.id);
        if (!withdrawn) {
          const latest = await tx.enrollments.find(person.tenantId, program.id, person.id);
          return { kind: 'already-withdrawn', program, enrollment: latest! } as const;
        }
        await tx.auditLog.record({
          tenantId: person.tenantId,
          actorPersonId: person.id,
          action: 'enrollment.withdrawn',
          targetType: 'enrollment',
          targetId: withdrawn.id,
          details: { programId: program.id },
        });
        return { kind: 'withdrawn', program, enrollment: withdrawn } as const;
      });
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
