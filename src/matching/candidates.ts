/**
 * From a program's pool to the solver's candidate graph: every pair scored,
 * hard exclusions left out, and for large pools only each mentee's and each
 * mentor's best candidates kept. Also the "find a mentor" ranking.
 *
 * A 10,000 × 5,000 pool is 50 million pairs, so answers are encoded once
 * (answerEncoding.ts), scored by the allocation-free kernel (scoreKernel.ts), and
 * reasons are only built on demand (explain) or for the few mentors shown.
 * The caller's pairedBefore is asked lazily: only for a pair about to be kept,
 * so a pruned pool asks it about a few candidates per mentee, not 50 million.
 */
import type { CandidateGraph } from './candidateGraph';
import { AnswerEncoder, type EncodedGroup } from './answerEncoding';
import { compileQuestionnaire, type CompiledQuestionnaire } from './compiledQuestionnaire';
import type { MatchReasons, PairVerdict } from './pairVerdict';
import type { Participant, ScoringContext } from './participants';
import { scoreAgainstMentors, scoreSums } from './scoreKernel';
import { candidateVerdict, scorePair } from './scoring';

/** Above this many pairs a full graph gets too large for memory and the solver, so it is pruned. */
export const PRUNE_ABOVE_PAIRS = 2_000_000;
export const DEFAULT_CANDIDATES_PER_MENTEE = 20;

export interface CandidatePool {
  /** Ids are person ids; only active mentees and active mentors with capacity left appear. */
  graph: CandidateGraph;
  /**
   * Pairs a hard exclusion rules out. When pruned, a pair that did not make
   * either side's top list is not asked about past pairings and counts as dropped.
   */
  excludedCount: number;
  /** Null when every candidate pair is an edge. Each side's top lists are kept, so no mentor with capacity goes unseen. */
  pruning: null | { keptPerMentee: number; keptPerMentor: number; dropped: number };
  /** The verdict on one pair of the pool, recomputed with its reasons (ids are person ids). */
  explain(menteeId: string, mentorId: string): PairVerdict;
}

export interface RankedMentor {
  mentor: Participant;
  score: number;
  reasons: MatchReasons;
}

const isOpenMentor = (m: Participant) => m.status === 'active' && m.capacity > 0;

/**
 * The exclusions that need no pair history, for one mentee at a time against
 * every mentor: the mentee's own mentor enrollment and reporting line, the
 * time-zone limit (a zone × zone table) and the shared-language rule.
 */
class PairScreen {
  /** 1 for each mentor the current mentee may not be paired with. */
  readonly excluded: Uint8Array;
  private readonly mentorIndex: Map<string, number>;
  /** 1 where two zones are further apart than the program allows; indexed like compiled.timeZone.gaps. */
  private readonly zonesTooFar: Uint8Array | null;

  constructor(
    private readonly compiled: CompiledQuestionnaire,
    private readonly ctx: ScoringContext,
    mentors: readonly Participant[],
    private readonly menteeGroup: EncodedGroup,
    private readonly mentorGroup: EncodedGroup,
  ) {
    this.excluded = new Uint8Array(mentors.length);
    this.mentorIndex = new Map(mentors.map((m, j) => [m.personId, j]));
    const max = ctx.maxTimeZoneGapHours;
    const gaps = compiled.timeZone?.gaps;
    this.zonesTooFar = max === null || !gaps ? null : Uint8Array.from(gaps, (gap) => (gap > max ? 1 : 0));
  }

  /** Marks the mentors excluded for mentee i of the group; returns how many. */
  startMentee(mentee: Participant, i: number): number {
    const { excluded, zonesTooFar } = this;
    const { timeZone, languages } = this.compiled;
    const mentees = this.menteeGroup;
    const { ints, count } = this.mentorGroup;
    // Branch-free marking: answers are random enough that branches would mostly mispredict.
    if (zonesTooFar && timeZone) {
      const { slot } = timeZone.encoding;
      const row = (mentees.ints[slot * mentees.count + i]! + 1) * (timeZone.offsets.length + 1) + 1;
      for (let j = 0; j < count; j++) excluded[j] = zonesTooFar[row + ints[slot * count + j]!]!;
    } else {
      excluded.fill(0);
    }
    if (languages) {
      const { slot, words } = languages.encoding;
      const menteeWord = (word: number) => mentees.ints[(slot + word) * mentees.count + i]!;
      if (words === 1) {
        const spoken = menteeWord(0);
        const nonZero = (x: number) => (x | -x) >>> 31;
        if (spoken !== 0) {
          for (let j = 0; j < count; j++) {
            const theirs = ints[slot * count + j]!;
            excluded[j] = excluded[j]! | (nonZero(theirs) & (1 ^ nonZero(spoken & theirs)));
          }
        }
      } else if (menteeWord(words) !== 0) {
        for (let j = 0; j < count; j++) {
          if (ints[(slot + words) * count + j] === 0) continue;
          let shared = false;
          for (let word = 0; word < words && !shared; word++)
            shared = (menteeWord(word) & ints[(slot + word) * count + j]!) !== 0;
          if (!shared) excluded[j] = 1;
        }
      }
    }
    const block = (personId: string) => {
      const j = this.mentorIndex.get(personId);
      if (j !== undefined) excluded[j] = 1;
    };
    block(mentee.personId);
    for (const personId of this.ctx.reportingLine(mentee.personId)) block(personId);
    let total = 0;
    for (let j = 0; j < count; j++) total += excluded[j]!;
    return total;
  }
}

/** The best `size` entries seen, by score (in tenths); ties keep the earlier entry. */
class TopList {
  readonly scores: Float64Array;
  readonly items: Int32Array;
  count = 0;
  /** The score an entry must beat to get in: -1 while there is room, as scores are never negative. */
  threshold = -1;
  private lowest = 0;

  constructor(private readonly size: number) {
    this.scores = new Float64Array(size);
    this.items = new Int32Array(size);
  }

  clear() {
    this.count = 0;
    this.threshold = -1;
  }

  add(item: number, score: number) {
    if (this.count < this.size) {
      this.scores[this.count] = score;
      this.items[this.count] = item;
      this.count++;
    } else {
      this.scores[this.lowest] = score;
      this.items[this.lowest] = item;
    }
    if (this.count === this.size) {
      let lowest = 0;
      for (let k = 1; k < this.size; k++) if (this.scores[k]! < this.scores[lowest]!) lowest = k;
      this.lowest = lowest;
      this.threshold = this.scores[lowest]!;
    }
  }
}

export function buildCandidateGraph(
  mentees: Participant[],
  mentors: Participant[],
  ctx: ScoringContext,
  options: { maxCandidatesPerMentee?: number } = {},
): CandidatePool {
  const compiled = compileQuestionnaire(ctx.questionnaire);
  const encoder = new AnswerEncoder(compiled);
  const activeMentees = mentees.filter((m) => m.status === 'active');
  const openMentors = mentors.filter(isOpenMentor);
  const menteeGroup = encoder.encodeAll(activeMentees, 'mentee');
  const mentorGroup = encoder.encodeAll(openMentors, 'mentor');
  const screen = new PairScreen(compiled, ctx, openMentors, menteeGroup, mentorGroup);

  const pairs = activeMentees.length * openMentors.length;
  const keep =
    options.maxCandidatesPerMentee !== undefined
      ? Math.max(1, Math.floor(options.maxCandidatesPerMentee))
      : pairs > PRUNE_ABOVE_PAIRS
        ? DEFAULT_CANDIDATES_PER_MENTEE
        : null;
  const scan = keep === null ? scanAll : scanTopLists;
  const { edges, excluded, candidates } = scan(
    compiled,
    ctx,
    activeMentees,
    openMentors,
    menteeGroup,
    mentorGroup,
    screen,
    keep ?? 0,
  );

  const menteeById = new Map(mentees.map((m) => [m.personId, m]));
  const mentorById = new Map(mentors.map((m) => [m.personId, m]));
  return {
    graph: {
      mentees: activeMentees.map((m) => ({ id: m.personId })),
      mentors: openMentors.map((m) => ({ id: m.personId, capacity: m.capacity })),
      edges,
    },
    excludedCount: mentees.length * mentors.length - pairs + excluded,
    pruning: keep === null ? null : { keptPerMentee: keep, keptPerMentor: keep, dropped: candidates - edges.length },
    explain(menteeId, mentorId) {
      const mentee = menteeById.get(menteeId);
      const mentor = mentorById.get(mentorId);
      if (!mentee) throw new Error(`No mentee with person id ${menteeId} in this pool.`);
      if (!mentor) throw new Error(`No mentor with person id ${mentorId} in this pool.`);
      return scorePair(mentee, mentor, ctx);
    },
  };
}

type Edge = CandidateGraph['edges'][number];

interface Scan {
  edges: Edge[];
  /** Pairs excluded among those screened (inactive and full mentors are counted by the caller). */
  excluded: number;
  /** Pairs that passed every exclusion checked. */
  candidates: number;
}

type Scanner = (
  compiled: CompiledQuestionnaire,
  ctx: ScoringContext,
  mentees: readonly Participant[],
  mentors: readonly Participant[],
  menteeGroup: EncodedGroup,
  mentorGroup: EncodedGroup,
  screen: PairScreen,
  keep: number,
) => Scan;

const scanAll: Scanner = (compiled, ctx, mentees, mentors, menteeGroup, mentorGroup, screen) => {
  const sums = scoreSums(compiled, mentors.length);
  const tenths = new Float64Array(mentors.length);
  const edges: Edge[] = [];
  let excluded = 0;
  mentees.forEach((mentee, i) => {
    screen.startMentee(mentee, i);
    scoreAgainstMentors(compiled, menteeGroup, i, mentorGroup, sums, tenths);
    mentors.forEach((mentor, j) => {
      if (screen.excluded[j] === 1 || ctx.pairedBefore(mentee.personId, mentor.personId)) excluded++;
      else edges.push({ mentee: mentee.personId, mentor: mentor.personId, score: tenths[j]! / 10 });
    });
  });
  return { edges, excluded, candidates: edges.length };
};

/** Added to an excluded pair's score in tenths: below every score and every top list's threshold (-1). */
const EXCLUDED_PENALTY = -100_000;

const scanTopLists: Scanner = (compiled, ctx, mentees, mentors, menteeGroup, mentorGroup, screen, keep) => {
  const sums = scoreSums(compiled, mentors.length);
  const tenths = new Float64Array(mentors.length);
  const menteeTop = new TopList(keep);
  const mentorTops = mentors.map(() => new TopList(keep));
  const mentorThresholds = new Float64Array(mentors.length).fill(-1);
  const menteeKept: { mentors: Int32Array; scores: Float64Array }[] = [];
  const { excluded: excludedNow } = screen;
  let excluded = 0;
  let candidates = 0;

  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i]!;
    const excludedHere = screen.startMentee(mentee, i);
    excluded += excludedHere;
    candidates += mentors.length - excludedHere;
    scoreAgainstMentors(compiled, menteeGroup, i, mentorGroup, sums, tenths);
    menteeTop.clear();
    let menteeThreshold = menteeTop.threshold;
    for (let j = 0; j < mentors.length; j++) {
      // Without a branch on exclusion: an excluded pair's score falls below every threshold.
      const score = tenths[j]! + EXCLUDED_PENALTY * excludedNow[j]!;
      const forMentee = score > menteeThreshold;
      const forMentor = score > mentorThresholds[j]!;
      if (!forMentee && !forMentor) continue;
      if (ctx.pairedBefore(mentee.personId, mentors[j]!.personId)) {
        excluded++;
        candidates--;
        continue;
      }
      if (forMentee) {
        menteeTop.add(j, score);
        menteeThreshold = menteeTop.threshold;
      }
      if (forMentor) {
        const top = mentorTops[j]!;
        top.add(i, score);
        mentorThresholds[j] = top.threshold;
      }
    }
    menteeKept.push({ mentors: menteeTop.items.slice(0, menteeTop.count), scores: menteeTop.scores.slice(0, menteeTop.count) });
  }

  // Each mentor's best mentees that are not already among those mentees' own best.
  const extra: { mentor: number; score: number }[][] = mentees.map(() => []);
  mentorTops.forEach((top, j) => {
    for (let k = 0; k < top.count; k++) extra[top.items[k]!]!.push({ mentor: j, score: top.scores[k]! });
  });
  const edges: Edge[] = [];
  const listed = new Uint8Array(mentors.length);
  mentees.forEach((mentee, i) => {
    const own = menteeKept[i]!;
    const kept: { mentor: number; score: number }[] = [];
    own.mentors.forEach((j, k) => {
      listed[j] = 1;
      kept.push({ mentor: j, score: own.scores[k]! });
    });
    for (const e of extra[i]!) if (listed[e.mentor] === 0) kept.push(e);
    for (const j of own.mentors) listed[j] = 0;
    kept.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
    for (const e of kept) edges.push({ mentee: mentee.personId, mentor: mentors[e.mentor]!.personId, score: e.score / 10 });
  });
  return { edges, excluded, candidates };
};

/**
 * "Find a mentor": the best `limit` mentors for this mentee, best first, with
 * reasons; excluded mentors and mentors without capacity are left out. Equal
 * scores keep the order of `mentors`.
 */
export function rankMentorsFor(mentee: Participant, mentors: Participant[], ctx: ScoringContext, limit: number): RankedMentor[] {
  if (mentee.status !== 'active' || limit <= 0) return [];
  const compiled = compileQuestionnaire(ctx.questionnaire);
  const encoder = new AnswerEncoder(compiled);
  const open = mentors.filter(isOpenMentor);
  const menteeGroup = encoder.encodeAll([mentee], 'mentee');
  const mentorGroup = encoder.encodeAll(open, 'mentor');
  const screen = new PairScreen(compiled, ctx, open, menteeGroup, mentorGroup);
  screen.startMentee(mentee, 0);
  const tenths = new Float64Array(open.length);
  scoreAgainstMentors(compiled, menteeGroup, 0, mentorGroup, scoreSums(compiled, open.length), tenths);

  const best = open
    .map((_, j) => j)
    .filter((j) => screen.excluded[j] === 0)
    .sort((a, b) => tenths[b]! - tenths[a]! || a - b);
  const ranked: RankedMentor[] = [];
  for (const j of best) {
    if (ranked.length === limit) break;
    const mentor = open[j]!;
    if (ctx.pairedBefore(mentee.personId, mentor.personId)) continue;
    const verdict = candidateVerdict(compiled, mentee, menteeGroup, 0, mentor, mentorGroup, j);
    ranked.push({ mentor, score: verdict.score, reasons: verdict.reasons });
  }
  return ranked;
}
