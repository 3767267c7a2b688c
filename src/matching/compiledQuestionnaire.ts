/**
 * A questionnaire turned into flat arrays the score kernel reads without
 * allocating: which questions score, how, with what weight, and in which slot
 * each person's encoded answer sits (answerEncoding.ts).
 *
 * How answers count (the kernel applies it; reasons.ts words it):
 * - A missing answer counts as neutral, 0.5 points, so a sparse profile is
 *   neither rewarded nor punished. A sensitive question counts only when both
 *   answered, and otherwise leaves the total weight too.
 * - same / different: 1 or 0. On multi-choice questions they compare the whole set.
 * - overlap: shared choices over the size of the smaller set, so someone who
 *   ticks many languages or time slots is not diluted (English-only meets
 *   English-German-French: 1).
 * - wants-offers: share of the mentee's wanted items the mentor offers.
 * - distance: signed mentor − mentee (option ranks, or the numbers); for the
 *   time-zone question the gap in hours (timeZoneGap.ts). Points are 1 at
 *   `ideal` and fall linearly to 0 at `ideal ± tolerance`. A distance rule on a
 *   question without ranks or numbers does not score.
 * - Free text compares case-, accent- and space-insensitively.
 * - An answer that is not among the question's options counts as missing; a
 *   number is rounded into the question's min..max range.
 *
 * Most rules become a table of weighted points per pair of encoded answers,
 * built here once, so the kernel's inner loops are a lookup and an add; and
 * questions with few possible answers are bundled into a single lookup.
 */
import type { Question, Questionnaire } from '../domain/questionnaire';
import type { ScoredRule } from './pairVerdict';
import {
  KIND_NUMBER_DIFFERENT,
  KIND_NUMBER_DISTANCE,
  KIND_NUMBER_SAME,
  KIND_SET_DIFFERENT,
  KIND_SET_OVERLAP,
  KIND_SET_OVERLAP_TABLE,
  KIND_SET_SAME,
  KIND_SET_WANTS_OFFERS,
  KIND_SET_WANTS_OFFERS_TABLE,
  KIND_TABLE,
  KIND_TEXT_DIFFERENT,
  KIND_TEXT_SAME,
  KIND_TEXT_TABLE,
  SET_RATIO_SIDE,
} from './scoreKernel';
import { standardOffsetHours, timeZoneGapHours } from './timeZoneGap';

/** Whole-number questions with at most this many values are scored by table, like choices. */
const MAX_TABLED_NUMBER_SPAN = 256;

/** How a person's answer is stored. */
export type AnswerEncoding =
  /** option index in `options`, -1 when missing */
  | { form: 'option'; slot: number; options: readonly string[] }
  /** a whole number in min..max as its offset from min, -1 when missing */
  | { form: 'ranged-number'; slot: number; min: number; max: number }
  /** interned normalised text, -1 when missing */
  | { form: 'text'; slot: number }
  /** any other number, NaN when missing (a float slot) */
  | { form: 'number'; slot: number }
  /** bit set over `options` in `words` 32-bit words, then the count of choices (0 when missing) */
  | { form: 'set'; slot: number; words: number; options: readonly string[] };

export interface ScoredQuestion {
  question: Question;
  rule: ScoredRule;
  weight: number;
  sensitive: boolean;
  /** The question whose answer stands on the mentor's side: the counterpart for wants-offers. */
  mentorQuestionId: string;
  encoding: AnswerEncoding;
}

export interface CompiledQuestionnaire {
  scored: ScoredQuestion[];
  intWidth: number;
  floatWidth: number;
  kinds: Int32Array;
  weights: Float64Array;
  /** 1 for sensitive questions: they count only when both answered. */
  sensitive: Uint8Array;
  slots: Int32Array;
  /** Set kinds: 32-bit words per set. */
  words: Int32Array;
  /**
   * Weighted points (weight × points; NaN where a sensitive question does not
   * count). KIND_TABLE: row = mentee value + 1 (0 = missing), column = mentor
   * value + 1. KIND_SET_*_TABLE: row = shared choices, column = the divisor
   * (0 = missing).
   */
  tables: Float64Array;
  tableOffsets: Int32Array;
  tableSides: Int32Array;
  ideals: Float64Array;
  tolerances: Float64Array;
  /** Encodings the hard exclusions read, apart from the scored ones. */
  timeZone: {
    question: Question;
    encoding: Extract<AnswerEncoding, { form: 'option' }>;
    offsets: (number | undefined)[];
    /** Hours apart per pair of offered zones, indexed like a KIND_TABLE table; NaN when either is missing or unknown. */
    gaps: Float64Array;
  } | null;
  languages: { question: Question; encoding: Extract<AnswerEncoding, { form: 'set' }> } | null;
  /** Small-domain questions scored together, one lookup per mentor per bundle (see Bundle). */
  bundles: Bundle[];
  /** The scored questions outside every bundle, swept one by one. */
  unbundled: number[];
}

/**
 * Questions whose mentor-side answer takes few values (choices, bounded
 * numbers, sets of up to six options), scored in one sweep: per mentee, the
 * weighted points of every combination of mentor answers are laid out in a
 * row, and each mentor's answers are encoded once as their position in it.
 */
export interface Bundle {
  members: BundleMember[];
  /** Combinations: the product of the members' domains. */
  size: number;
  /** Int slot holding each person's combination code (members in order, the first most significant). */
  codeSlot: number;
}

export interface BundleMember {
  /** Index into `scored`. */
  q: number;
  /** Values a mentor's answer codes to: 0 is missing. */
  domain: number;
  /** 'value': an option or number index, coded + 1; 'mask': a one-word set's bits, coded as they are. */
  coding: 'value' | 'mask';
}

/** Large enough to join most choice questions, small enough that a mentee's row stays in cache and cheap to lay out. */
const MAX_BUNDLE_SIZE = 8192;
/** Sets of up to this many options bundle: 2^6 combinations of choices. */
const MAX_BUNDLED_SET_OPTIONS = 6;

/** Points at a distance: 1 at `ideal`, 0 from `ideal ± tolerance` on. */
export function distancePoints(distance: number, ideal: number, tolerance: number): number {
  if (tolerance <= 0) return distance === ideal ? 1 : 0;
  return Math.max(0, 1 - Math.abs(distance - ideal) / tolerance);
}

const compiled = new WeakMap<Questionnaire, CompiledQuestionnaire>();

/** Compiled once per questionnaire object: programs keep theirs while they live. */
export function compileQuestionnaire(questionnaire: Questionnaire): CompiledQuestionnaire {
  const cached = compiled.get(questionnaire);
  if (cached) return cached;
  const result = compile(questionnaire);
  compiled.set(questionnaire, result);
  return result;
}

interface Layout {
  ints: number;
  floats: number;
}

/** Points of a pair of encoded values (indices from 0), or undefined when they cannot be compared. */
type PairPoints = (mentee: number, mentor: number) => number | undefined;

interface Plan {
  kind: number;
  encoding: AnswerEncoding;
  /** KIND_TABLE: values on each side (the table adds a row and column for missing). */
  values?: number;
  pairPoints?: PairPoints;
  ideal?: number;
  tolerance?: number;
}

function compile(questionnaire: Questionnaire): CompiledQuestionnaire {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const layout: Layout = { ints: 0, floats: 0 };
  const scored: ScoredQuestion[] = [];
  const plans: Plan[] = [];

  for (const question of questionnaire.questions) {
    const matching = question.matching;
    if (matching.rule === 'none' || !(matching.weight > 0)) continue;
    const offers = matching.rule === 'wants-offers' ? byId.get(matching.counterpart) : undefined;
    const plan = planFor(question, offers, layout);
    if (!plan) continue;
    plans.push(plan);
    scored.push({
      question,
      rule: matching.rule,
      weight: matching.weight,
      sensitive: question.sensitive === true,
      mentorQuestionId: offers?.id ?? question.id,
      encoding: plan.encoding,
    });
  }

  const tables: number[] = [];
  const tableOffsets: number[] = [];
  const tableSides: number[] = [];
  plans.forEach((plan, q) => {
    const { weight, sensitive } = scored[q]!;
    const missing = sensitive ? NaN : weight * 0.5;
    tableOffsets.push(tables.length);
    if (plan.kind === KIND_TABLE && plan.pairPoints && plan.values !== undefined) {
      const side = plan.values + 1;
      tableSides.push(side);
      for (let a = -1; a < plan.values; a++) {
        for (let b = -1; b < plan.values; b++) {
          const points = a < 0 || b < 0 ? undefined : plan.pairPoints(a, b);
          tables.push(points === undefined ? missing : weight * points);
        }
      }
    } else if (plan.kind === KIND_SET_OVERLAP_TABLE || plan.kind === KIND_SET_WANTS_OFFERS_TABLE) {
      tableSides.push(SET_RATIO_SIDE);
      for (let shared = 0; shared < SET_RATIO_SIDE; shared++) {
        for (let of = 0; of < SET_RATIO_SIDE; of++) tables.push(of === 0 ? missing : (weight * Math.min(shared, of)) / of);
      }
    } else if (plan.kind === KIND_TEXT_TABLE) {
      tableSides.push(0);
      const same = scored[q]!.rule !== 'different';
      tables.push(missing, weight * (same ? 0 : 1), weight * (same ? 1 : 0));
    } else {
      tableSides.push(0);
    }
  });

  const timeZoneQuestion = questionnaire.questions.find((q) => q.purpose === 'time-zone' && q.type === 'single-choice');
  const languagesQuestion = questionnaire.questions.find((q) => q.purpose === 'languages' && q.type === 'multi-choice');
  const timeZoneEncoding = timeZoneQuestion ? optionEncoding(timeZoneQuestion, layout) : null;
  const languagesEncoding = languagesQuestion ? setEncoding(languagesQuestion, layout) : null;

  const { bundles, unbundled } = bundle(scored, plans, layout);

  return {
    scored,
    bundles,
    unbundled,
    intWidth: layout.ints,
    floatWidth: layout.floats,
    kinds: Int32Array.from(plans.map((p) => p.kind)),
    weights: Float64Array.from(scored.map((s) => s.weight)),
    sensitive: Uint8Array.from(scored.map((s) => (s.sensitive ? 1 : 0))),
    slots: Int32Array.from(scored.map((s) => s.encoding.slot)),
    words: Int32Array.from(scored.map((s) => (s.encoding.form === 'set' ? s.encoding.words : 0))),
    tables: Float64Array.from(tables),
    tableOffsets: Int32Array.from(tableOffsets),
    tableSides: Int32Array.from(tableSides),
    ideals: Float64Array.from(plans.map((p) => p.ideal ?? 0)),
    tolerances: Float64Array.from(plans.map((p) => p.tolerance ?? 0)),
    timeZone:
      timeZoneQuestion && timeZoneEncoding
        ? { question: timeZoneQuestion, encoding: timeZoneEncoding, ...timeZoneGaps(timeZoneEncoding.options) }
        : null,
    languages: languagesQuestion && languagesEncoding ? { question: languagesQuestion, encoding: languagesEncoding } : null,
  };
}

/** How one scored question is encoded and scored, or null when its rule cannot apply to its type. */
function planFor(question: Question, offers: Question | undefined, layout: Layout): Plan | null {
  const matching = question.matching;
  const sensitive = question.sensitive === true;
  const distance = matching.rule === 'distance' ? { ideal: matching.ideal, tolerance: matching.tolerance } : null;
  const sameness: PairPoints = (a, b) => ((a === b) === (matching.rule !== 'different') ? 1 : 0);

  if (matching.rule === 'wants-offers') {
    if (question.type !== 'multi-choice' || offers?.type !== 'multi-choice') return null;
    const encoding = setEncoding(question, layout);
    return { kind: encoding.words === 1 && !sensitive ? KIND_SET_WANTS_OFFERS_TABLE : KIND_SET_WANTS_OFFERS, encoding };
  }

  switch (question.type) {
    case 'single-choice': {
      const options = question.options ?? [];
      let pairPoints: PairPoints = sameness;
      if (distance && question.purpose === 'time-zone') {
        const offsets = options.map((o) => standardOffsetHours(o.value));
        pairPoints = (a, b) => {
          const [x, y] = [offsets[a], offsets[b]];
          return x === undefined || y === undefined
            ? undefined
            : distancePoints(timeZoneGapHours(x, y), distance.ideal, distance.tolerance);
        };
      } else if (distance) {
        if (!options.some((o) => o.rank !== undefined)) return null;
        pairPoints = (a, b) => {
          const [x, y] = [options[a]?.rank, options[b]?.rank];
          return x === undefined || y === undefined ? undefined : distancePoints(y - x, distance.ideal, distance.tolerance);
        };
      }
      return { kind: KIND_TABLE, encoding: optionEncoding(question, layout), values: options.length, pairPoints };
    }
    case 'multi-choice': {
      if (distance) return null;
      const encoding = setEncoding(question, layout);
      if (matching.rule === 'overlap')
        return { kind: encoding.words === 1 && !sensitive ? KIND_SET_OVERLAP_TABLE : KIND_SET_OVERLAP, encoding };
      return { kind: matching.rule === 'same' ? KIND_SET_SAME : KIND_SET_DIFFERENT, encoding };
    }
    case 'number': {
      const { min, max } = question;
      if (
        min !== undefined &&
        max !== undefined &&
        Number.isInteger(min) &&
        Number.isInteger(max) &&
        max >= min &&
        max - min < MAX_TABLED_NUMBER_SPAN
      ) {
        const pairPoints: PairPoints = distance ? (a, b) => distancePoints(b - a, distance.ideal, distance.tolerance) : sameness;
        return {
          kind: KIND_TABLE,
          encoding: { form: 'ranged-number', slot: layout.ints++, min, max },
          values: max - min + 1,
          pairPoints,
        };
      }
      const encoding: AnswerEncoding = { form: 'number', slot: layout.floats++ };
      if (distance) return { kind: KIND_NUMBER_DISTANCE, encoding, ...distance };
      return { kind: matching.rule === 'different' ? KIND_NUMBER_DIFFERENT : KIND_NUMBER_SAME, encoding };
    }
    default:
      if (distance) return null;
      return {
        kind: !sensitive ? KIND_TEXT_TABLE : matching.rule === 'different' ? KIND_TEXT_DIFFERENT : KIND_TEXT_SAME,
        encoding: { form: 'text', slot: layout.ints++ },
      };
  }
}

/** Joins small-domain questions into bundles, largest domains first, each into the first bundle it fits. */
function bundle(scored: ScoredQuestion[], plans: Plan[], layout: Layout): { bundles: Bundle[]; unbundled: number[] } {
  const members: BundleMember[] = [];
  plans.forEach((plan, q) => {
    if (scored[q]!.sensitive) return;
    const encoding = plan.encoding;
    if (plan.kind === KIND_TABLE && plan.values !== undefined) members.push({ q, domain: plan.values + 1, coding: 'value' });
    else if (
      (plan.kind === KIND_SET_OVERLAP_TABLE || plan.kind === KIND_SET_WANTS_OFFERS_TABLE) &&
      encoding.form === 'set' &&
      encoding.options.length <= MAX_BUNDLED_SET_OPTIONS
    ) {
      members.push({ q, domain: 1 << encoding.options.length, coding: 'mask' });
    }
  });
  const bins: BundleMember[][] = [];
  const sizes: number[] = [];
  for (const member of [...members].sort((a, b) => b.domain - a.domain || a.q - b.q)) {
    if (member.domain > MAX_BUNDLE_SIZE) continue;
    const fits = sizes.findIndex((size) => size * member.domain <= MAX_BUNDLE_SIZE);
    if (fits >= 0) {
      bins[fits]!.push(member);
      sizes[fits]! *= member.domain;
    } else {
      bins.push([member]);
      sizes.push(member.domain);
    }
  }
  // A bundle of one saves nothing; its question is swept on its own.
  const bundles = bins
    .filter((bin) => bin.length > 1)
    .map((bin) => ({ members: bin, size: bin.reduce((size, m) => size * m.domain, 1), codeSlot: layout.ints++ }));
  const bundled = new Set(bundles.flatMap((b) => b.members.map((m) => m.q)));
  return { bundles, unbundled: scored.map((_, q) => q).filter((q) => !bundled.has(q)) };
}

function timeZoneGaps(zones: readonly string[]): { offsets: (number | undefined)[]; gaps: Float64Array } {
  const offsets = zones.map((zone) => standardOffsetHours(zone));
  const side = offsets.length + 1;
  const gaps = new Float64Array(side * side).fill(NaN);
  offsets.forEach((a, i) =>
    offsets.forEach((b, j) => {
      if (a !== undefined && b !== undefined) gaps[(i + 1) * side + j + 1] = timeZoneGapHours(a, b);
    }),
  );
  return { offsets, gaps };
}

function optionEncoding(question: Question, layout: Layout): Extract<AnswerEncoding, { form: 'option' }> {
  return { form: 'option', slot: layout.ints++, options: (question.options ?? []).map((o) => o.value) };
}

function setEncoding(question: Question, layout: Layout): Extract<AnswerEncoding, { form: 'set' }> {
  const options = (question.options ?? []).map((o) => o.value);
  const words = Math.max(1, Math.ceil(options.length / 32));
  const slot = layout.ints;
  layout.ints += words + 1;
  return { form: 'set', slot, words, options };
}
