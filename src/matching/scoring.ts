/**
 * The verdict on one mentee–mentor pair: excluded with every reason, or a
 * score out of 100 with each question's contribution and the reasons in words.
 * Score = Σ weight × points / Σ counted weight × 100, one decimal; the rules
 * and how missing answers count are in compiledQuestionnaire.ts.
 */
import { AnswerEncoder, isAnswered, type EncodedGroup } from './answerEncoding';
import { compileQuestionnaire, type CompiledQuestionnaire } from './compiledQuestionnaire';
import { pairExclusions } from './exclusions';
import type { Contribution, PairVerdict } from './pairVerdict';
import type { Participant, ScoringContext } from './participants';
import { matchReasons } from './reasons';
import { addQuestion, clearSums, scoreAgainstMentors, scoreSums, type ScoreSums } from './scoreKernel';

export type { Contribution, Exclusion, ExclusionCode, MatchReasons, PairVerdict } from './pairVerdict';

export function scorePair(mentee: Participant, mentor: Participant, ctx: ScoringContext): PairVerdict {
  const compiled = compileQuestionnaire(ctx.questionnaire);
  const encoder = new AnswerEncoder(compiled);
  const mentees = encoder.encodeAll([mentee], 'mentee');
  const mentors = encoder.encodeAll([mentor], 'mentor');
  const exclusions = pairExclusions(mentee, mentor, ctx, compiled, mentees, mentors);
  if (exclusions.length > 0) return { kind: 'excluded', exclusions };
  return candidateVerdict(compiled, mentee, mentees, 0, mentor, mentors, 0);
}

/**
 * The scored verdict of a pair already known not to be excluded: mentee
 * `menteeIndex` of one encoded group, mentor `mentorIndex` of another.
 */
export function candidateVerdict(
  compiled: CompiledQuestionnaire,
  mentee: Participant,
  mentees: EncodedGroup,
  menteeIndex: number,
  mentor: Participant,
  mentors: EncodedGroup,
  mentorIndex: number,
): Extract<PairVerdict, { kind: 'candidate' }> {
  const alone = mentors.count === 1 ? mentors : groupOfOne(compiled, mentors, mentorIndex);
  // The score comes from the very sweep the candidate graph runs; the per-question split is for reading.
  const questionSums = sumsForOne(compiled);
  const tenths = new Float64Array(1);
  scoreAgainstMentors(compiled, mentees, menteeIndex, alone, questionSums, tenths);
  const score = tenths[0]! / 10;
  const perQuestion = compiled.scored.map((_, q) => {
    clearSums(questionSums);
    addQuestion(compiled, q, mentees, menteeIndex, alone, questionSums);
    return { points: questionSums.points[0]!, weight: questionSums.commonWeight + questionSums.sensitiveWeight[0]! };
  });
  const weightSum = perQuestion.reduce((sum, { weight }) => sum + weight, 0);

  const contributions: Contribution[] = [];
  compiled.scored.forEach((s, q) => {
    const { points, weight } = perQuestion[q]!;
    if (weight === 0) return;
    contributions.push({
      questionId: s.question.id,
      rule: s.rule,
      weight: s.weight,
      points: Math.round((points / weight) * 1000) / 1000,
      scorePoints: Math.round((points / weightSum) * 1000) / 10,
      bothAnswered: isAnswered(s.encoding, mentees, menteeIndex) && isAnswered(s.encoding, alone, 0),
      sensitive: s.sensitive,
    });
  });
  return { kind: 'candidate', score, contributions, reasons: matchReasons(compiled, contributions, mentee, mentor) };
}

const oneMentorSums = new WeakMap<CompiledQuestionnaire, ScoreSums>();

/** Scoring is synchronous, so one set of sums per questionnaire serves every explanation (bundle rows run to 64 KB). */
function sumsForOne(compiled: CompiledQuestionnaire): ScoreSums {
  let sums = oneMentorSums.get(compiled);
  if (!sums) {
    sums = scoreSums(compiled, 1);
    oneMentorSums.set(compiled, sums);
  }
  return sums;
}

/** One mentor's answers copied out of their group, so the kernel can sweep just them. */
function groupOfOne(compiled: CompiledQuestionnaire, group: EncodedGroup, index: number): EncodedGroup {
  return {
    count: 1,
    ints: Int32Array.from({ length: compiled.intWidth }, (_, slot) => group.ints[slot * group.count + index]!),
    floats: Float64Array.from({ length: compiled.floatWidth }, (_, slot) => group.floats[slot * group.count + index]!),
  };
}
