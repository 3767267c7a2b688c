/**
 * The admin mode: an admin pairs two people by hand. They see the pair's
 * score and reasons first; a pair the rules exclude is refused with the
 * reasons, unless the admin overrides the rules that allow it.
 */
import type { Exclusion, ExclusionCode } from '../matching/pairVerdict';
import type { Participant } from '../matching/participants';
import { scorePair } from '../matching/scoring';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import { loadMatchPool } from './matchPool';
import type { Directory, ProposalNotice } from './ports';
import type { ProposalService } from './proposals';

/** Rules an admin may knowingly set aside; the rest describe pairs that cannot work at all. */
const OVERRIDABLE: ReadonlySet<ExclusionCode> = new Set(['paired-before', 'time-zone-gap', 'no-shared-language', 'reporting-line']);

export type PairPreview =
  | {
      kind: 'preview';
      mentee: Participant;
      mentor: Participant;
      score: number | null;
      reasons: { forMentee: string[]; forMentor: string[] };
      exclusions: Exclusion[];
    }
  | { kind: 'not-in-pool'; field: 'menteePersonId' | 'mentorPersonId'; reason: string };

export type PairResult =
  | { kind: 'proposed'; notice: ProposalNotice }
  | { kind: 'refused'; exclusions: Exclusion[] }
  | Extract<PairPreview, { kind: 'not-in-pool' }>;

export function createAdminPairingService(deps: { store: Store; directory: Directory; proposals: ProposalService }) {
  async function preview(program: Program, menteePersonId: string, mentorPersonId: string) {
    const pool = await loadMatchPool(deps.store, deps.directory, program);
    const busy = pool.busyMentees.get(menteePersonId);
    const mentee = pool.mentees.find((m) => m.personId === menteePersonId);
    const mentor = pool.mentors.find((m) => m.personId === mentorPersonId);
    if (!mentee) {
      const reason = busy
        ? busy.kind === 'matched'
          ? `This mentee already has a mentor (${busy.mentorName}).`
          : `This mentee is waiting for ${busy.mentorName} to answer a proposal.`
        : 'This person is not an active mentee in the program.';
      return { pool, result: { kind: 'not-in-pool', field: 'menteePersonId', reason } as const };
    }
    if (!mentor) {
      return {
        pool,
        result: { kind: 'not-in-pool', field: 'mentorPersonId', reason: 'This person is not an active mentor in the program.' } as const,
      };
    }
    const verdict = scorePair(mentee, mentor, pool.context);
    const result: PairPreview =
      verdict.kind === 'candidate'
        ? { kind: 'preview', mentee, mentor, score: verdict.score, reasons: verdict.reasons, exclusions: [] }
        : { kind: 'preview', mentee, mentor, score: null, reasons: { forMentee: [], forMentor: [] }, exclusions: verdict.exclusions };
    return { pool, result };
  }

  return {
    async preview(program: Program, menteePersonId: string, mentorPersonId: string): Promise<PairPreview> {
      return (await preview(program, menteePersonId, mentorPersonId)).result;
    },

    async pair(
      program: Program,
      menteePersonId: string,
      mentorPersonId: string,
      actorPersonId: string,
      override: boolean,
    ): Promise<PairResult> {
      const { pool, result } = await preview(program, menteePersonId, mentorPersonId);
      if (result.kind !== 'preview') return result;
      const blocking = result.exclusions.filter((e) => !override || !OVERRIDABLE.has(e.code));
      if (blocking.length > 0) return { kind: 'refused', exclusions: blocking };
      const notice = await deps.proposals.propose(
        pool,
        { mentee: result.mentee, mentor: result.mentor, score: result.score ?? 0, reasons: result.reasons },
        { source: 'admin', requestedByPersonId: actorPersonId },
      );
      if (!notice) {
        return { kind: 'not-in-pool', field: 'menteePersonId', reason: 'This mentee already has a proposal waiting.' };
      }
      return { kind: 'proposed', notice };
    },
  };
}

export type AdminPairingService = ReturnType<typeof createAdminPairingService>;
