/**
 * Scores of one mentee against a whole group of mentors. A 10,000 × 5,000
 * pool is 50 million pairs, so the work goes question by question: one tight
 * loop per question over every mentor's encoded answer, reading typed arrays,
 * allocating nothing, and for the common rules looking weighted points up in
 * a table instead of branching (unpredictable branches on random answers
 * cost more than the arithmetic). Explanations run the same loops over a
 * group of one, so an explained score is always the graph's score. The rules
 * are described in compiledQuestionnaire.ts.
 */
import type { EncodedGroup } from './answerEncoding';
import type { Bundle, CompiledQuestionnaire } from './compiledQuestionnaire';

// Declared here, next to the loops that branch on them: an imported binding
// can compile to a property getter (esbuild's CommonJS, as tsx runs it).
export const KIND_TABLE = 0;
export const KIND_TEXT_SAME = 1;
export const KIND_TEXT_DIFFERENT = 2;
export const KIND_NUMBER_DISTANCE = 3;
export const KIND_NUMBER_SAME = 4;
export const KIND_NUMBER_DIFFERENT = 5;
export const KIND_SET_OVERLAP = 6;
export const KIND_SET_WANTS_OFFERS = 7;
export const KIND_SET_SAME = 8;
export const KIND_SET_DIFFERENT = 9;
/** Free text that is not sensitive: points from a three-entry table (missing, different, same). */
export const KIND_TEXT_TABLE = 12;
/** One-word sets of questions that are not sensitive: points from a shared-count × divisor table. */
export const KIND_SET_OVERLAP_TABLE = 10;
export const KIND_SET_WANTS_OFFERS_TABLE = 11;
/** Shared counts and divisors of a one-word set run 0..32. */
export const SET_RATIO_SIDE = 33;

/** The score of a pair when nothing counts (no scored question, or only unanswered sensitive ones). */
export const NEUTRAL_SCORE = 50;

// Bound once: inside a vm context (jest) every read of a global such as Math
// goes through the context's interceptors, which made the loops 20 times slower.
const { round, min, abs } = Math;

function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  x = x + (x >>> 8);
  return (x + (x >>> 16)) & 0x3f;
}

/** Running sums for one mentee against each mentor; reused from one mentee to the next. */
export interface ScoreSums {
  /** Weighted points per mentor. */
  points: Float64Array;
  /** Weight of the sensitive questions that counted, per mentor. */
  sensitiveWeight: Float64Array;
  /** Weight every mentor counts: the questions that are not sensitive. */
  commonWeight: number;
  /** Per bundle, the current mentee's points for every combination of mentor answers. */
  bundleRows: Float64Array[];
}

export function scoreSums(compiled: CompiledQuestionnaire, mentors: number): ScoreSums {
  return {
    points: new Float64Array(mentors),
    sensitiveWeight: new Float64Array(mentors),
    commonWeight: 0,
    bundleRows: compiled.bundles.map((b) => new Float64Array(b.size)),
  };
}

export function clearSums(sums: ScoreSums): void {
  sums.points.fill(0);
  sums.sensitiveWeight.fill(0);
  sums.commonWeight = 0;
}

/** Score in tenths, 0..1000: points over the weight that counted (tenths compare and sort without a division). */
export function scoreTenths(points: number, commonWeight: number, sensitiveWeight: number): number {
  const weight = commonWeight + sensitiveWeight;
  return weight > 0 ? round(points * (1000 / weight)) : NEUTRAL_SCORE * 10;
}

/** Writes mentee `menteeIndex`'s score in tenths against every mentor of the group into `tenths`. */
export function scoreAgainstMentors(
  compiled: CompiledQuestionnaire,
  mentees: EncodedGroup,
  menteeIndex: number,
  mentors: EncodedGroup,
  sums: ScoreSums,
  tenths: Float64Array,
): void {
  clearSums(sums);
  compiled.bundles.forEach((bundle, b) => addBundle(compiled, bundle, sums.bundleRows[b]!, mentees, menteeIndex, mentors, sums));
  let sensitiveCounted = false;
  for (const q of compiled.unbundled) {
    sensitiveCounted = addQuestion(compiled, q, mentees, menteeIndex, mentors, sums) || sensitiveCounted;
  }
  const { points, sensitiveWeight, commonWeight } = sums;
  if (sensitiveCounted) {
    for (let j = 0; j < mentors.count; j++) tenths[j] = scoreTenths(points[j]!, commonWeight, sensitiveWeight[j]!);
  } else {
    // The weight is the same for every mentor, so is the scale; same arithmetic as scoreTenths.
    if (!(commonWeight > 0)) return void tenths.fill(NEUTRAL_SCORE * 10, 0, mentors.count);
    const scale = 1000 / (commonWeight + 0);
    for (let j = 0; j < mentors.count; j++) tenths[j] = round(points[j]! * scale);
  }
}

/** Adds a bundle's weighted points: lays out the mentee's row of every answer combination, then one lookup per mentor. */
function addBundle(
  compiled: CompiledQuestionnaire,
  bundle: Bundle,
  row: Float64Array,
  mentees: EncodedGroup,
  menteeIndex: number,
  mentors: EncodedGroup,
  sums: ScoreSums,
): void {
  const { tables } = compiled;
  let size = 1;
  row[0] = 0;
  for (const { q, domain, coding } of bundle.members) {
    sums.commonWeight += compiled.weights[q]!;
    const slot = compiled.slots[q]!;
    const menteeValue = mentees.ints[slot * mentees.count + menteeIndex]!;
    const table = compiled.tableOffsets[q]!;
    // Widen in place from the back: entry c moves to c × domain + d, never over an entry still to be read.
    if (coding === 'value') {
      const start = table + (menteeValue + 1) * compiled.tableSides[q]!;
      for (let c = size - 1; c >= 0; c--) {
        const base = row[c]!;
        for (let d = domain - 1; d >= 0; d--) row[c * domain + d] = base + tables[start + d]!;
      }
    } else {
      const chosenByMentee = mentees.ints[(slot + 1) * mentees.count + menteeIndex]!;
      const wants = compiled.kinds[q] === KIND_SET_WANTS_OFFERS_TABLE;
      for (let c = size - 1; c >= 0; c--) {
        const base = row[c]!;
        for (let mask = domain - 1; mask >= 0; mask--) {
          const chosenByMentor = bitCount(mask);
          const divisor = chosenByMentor === 0 ? 0 : wants ? chosenByMentee : min(chosenByMentee, chosenByMentor);
          row[c * domain + mask] = base + tables[table + bitCount(menteeValue & mask) * SET_RATIO_SIDE + divisor]!;
        }
      }
    }
    size *= domain;
  }
  const { points } = sums;
  const codes = mentors.ints;
  const column = bundle.codeSlot * mentors.count;
  for (let j = 0; j < mentors.count; j++) points[j] = points[j]! + row[codes[column + j]!]!;
}

/**
 * Adds question `q`'s weighted points to every mentor's sums, and its weight
 * where it counts. True when a sensitive question counted for some mentor.
 */
export function addQuestion(
  compiled: CompiledQuestionnaire,
  q: number,
  mentees: EncodedGroup,
  menteeIndex: number,
  mentors: EncodedGroup,
  sums: ScoreSums,
): boolean {
  const kind = compiled.kinds[q]!;
  const slot = compiled.slots[q]!;
  const w = compiled.weights[q]!;
  const sensitive = compiled.sensitive[q] === 1;
  if (!sensitive) sums.commonWeight += w;
  const { points, sensitiveWeight } = sums;
  const { tables } = compiled;
  const ints = mentors.ints;
  const count = mentors.count;
  const column = slot * count;
  const menteeInt = (offset: number) => mentees.ints[(slot + offset) * mentees.count + menteeIndex]!;

  switch (kind) {
    case KIND_TABLE: {
      const row = compiled.tableOffsets[q]! + (menteeInt(0) + 1) * compiled.tableSides[q]! + 1;
      if (!sensitive) {
        for (let j = 0; j < count; j++) points[j] = points[j]! + tables[row + ints[column + j]!]!;
        return false;
      }
      for (let j = 0; j < count; j++) {
        const v = tables[row + ints[column + j]!]!;
        if (v === v) {
          points[j] = points[j]! + v;
          sensitiveWeight[j] = sensitiveWeight[j]! + w;
        }
      }
      return true;
    }
    case KIND_SET_OVERLAP_TABLE: {
      const table = compiled.tableOffsets[q]!;
      const a = menteeInt(0);
      const chosenByMentee = menteeInt(1);
      const chosenColumn = column + count;
      for (let j = 0; j < count; j++) {
        // The smaller count, without a branch: 0 when either did not answer, which the table scores as missing.
        const gap = chosenByMentee - ints[chosenColumn + j]!;
        const divisor = ints[chosenColumn + j]! + (gap & (gap >> 31));
        points[j] = points[j]! + tables[table + bitCount(a & ints[column + j]!) * SET_RATIO_SIDE + divisor]!;
      }
      return false;
    }
    case KIND_SET_WANTS_OFFERS_TABLE: {
      const table = compiled.tableOffsets[q]!;
      const a = menteeInt(0);
      const chosenByMentee = menteeInt(1);
      const chosenColumn = column + count;
      for (let j = 0; j < count; j++) {
        // The mentee's count, or 0 when the mentor offered nothing (counts are at most 32).
        const divisor = chosenByMentee * ((ints[chosenColumn + j]! + 31) >> 5);
        points[j] = points[j]! + tables[table + bitCount(a & ints[column + j]!) * SET_RATIO_SIDE + divisor]!;
      }
      return false;
    }
    case KIND_TEXT_TABLE: {
      // Entries: 0 either did not answer, 1 different answers, 2 the same answer.
      const table = compiled.tableOffsets[q]!;
      const a = menteeInt(0);
      if (a < 0) {
        for (let j = 0; j < count; j++) points[j] = points[j]! + tables[table]!;
        return false;
      }
      for (let j = 0; j < count; j++) {
        const b = ints[column + j]!;
        const answered = ~b >>> 31;
        const differ = ((a ^ b) | -(a ^ b)) >>> 31;
        points[j] = points[j]! + tables[table + answered + (1 ^ differ)]!;
      }
      return false;
    }
    default:
      return addQuestionByPoints(compiled, q, mentees, menteeIndex, mentors, sums);
  }
}

/** The less common rules, point by point: sensitive sets, sets over 32 options, free text, unbounded numbers. */
function addQuestionByPoints(
  compiled: CompiledQuestionnaire,
  q: number,
  mentees: EncodedGroup,
  menteeIndex: number,
  mentors: EncodedGroup,
  sums: ScoreSums,
): boolean {
  const kind = compiled.kinds[q]!;
  const slot = compiled.slots[q]!;
  const w = compiled.weights[q]!;
  const sensitive = compiled.sensitive[q] === 1;
  const missing = sensitive ? Number.NaN : 0.5;
  const words = compiled.words[q]!;
  const ideal = compiled.ideals[q]!;
  const tolerance = compiled.tolerances[q]!;
  const { points, sensitiveWeight } = sums;
  const count = mentors.count;
  const mentorInt = (offset: number, j: number) => mentors.ints[(slot + offset) * count + j]!;
  const menteeInt = (offset: number) => mentees.ints[(slot + offset) * mentees.count + menteeIndex]!;
  const menteeNumber = mentees.floats[slot * mentees.count + menteeIndex]!;

  const isSet = kind !== KIND_TEXT_SAME && kind !== KIND_TEXT_DIFFERENT && words > 0;
  const menteeMissing = isSet
    ? menteeInt(words) === 0
    : kind === KIND_TEXT_SAME || kind === KIND_TEXT_DIFFERENT
      ? menteeInt(0) < 0
      : menteeNumber !== menteeNumber;
  if (menteeMissing) {
    // Nothing to compare: a sensitive question does not count, any other is neutral for every mentor.
    if (!sensitive) for (let j = 0; j < count; j++) points[j] = points[j]! + w * missing;
    return false;
  }

  for (let j = 0; j < count; j++) {
    let p: number;
    switch (kind) {
      case KIND_TEXT_SAME:
      case KIND_TEXT_DIFFERENT: {
        const a = menteeInt(0);
        const b = mentorInt(0, j);
        p = a < 0 || b < 0 ? missing : (a === b) === (kind === KIND_TEXT_SAME) ? 1 : 0;
        break;
      }
      case KIND_NUMBER_DISTANCE: {
        const d = mentors.floats[slot * count + j]! - menteeNumber;
        const off = abs(d - ideal);
        p = d !== d ? missing : tolerance > 0 ? (off >= tolerance ? 0 : 1 - off / tolerance) : off === 0 ? 1 : 0;
        break;
      }
      case KIND_NUMBER_SAME:
      case KIND_NUMBER_DIFFERENT: {
        const b = mentors.floats[slot * count + j]!;
        p = menteeNumber !== menteeNumber || b !== b ? missing : (menteeNumber === b) === (kind === KIND_NUMBER_SAME) ? 1 : 0;
        break;
      }
      default: {
        const chosenByMentee = menteeInt(words);
        const chosenByMentor = mentorInt(words, j);
        if (chosenByMentee === 0 || chosenByMentor === 0) {
          p = missing;
        } else if (kind === KIND_SET_SAME || kind === KIND_SET_DIFFERENT) {
          let same = true;
          for (let word = 0; word < words && same; word++) same = menteeInt(word) === mentorInt(word, j);
          p = same === (kind === KIND_SET_SAME) ? 1 : 0;
        } else {
          let shared = 0;
          for (let word = 0; word < words; word++) shared += bitCount(menteeInt(word) & mentorInt(word, j));
          p = shared / (kind === KIND_SET_WANTS_OFFERS ? chosenByMentee : min(chosenByMentee, chosenByMentor));
        }
      }
    }
    if (p === p) {
      points[j] = points[j]! + w * p;
      if (sensitive) sensitiveWeight[j] = sensitiveWeight[j]! + w;
    }
  }
  return sensitive;
}
