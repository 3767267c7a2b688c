/**
 * Why a pair scores well, in plain words for each reader: the mentee reads
 * about the mentor ("2 levels senior"), the mentor about themselves ("you are
 * 2 levels senior"). Only questions both answered and that add points are
 * worded, largest contribution first. Sensitive questions are never worded,
 * not even as "a shared background": with one box ticked, that would tell the
 * other person which one.
 */
import type { Answers } from '../domain/answers';
import type { Question } from '../domain/questionnaire';
import { choices, normaliseText } from './answerEncoding';
import type { CompiledQuestionnaire, ScoredQuestion } from './compiledQuestionnaire';
import type { Contribution, MatchReasons } from './pairVerdict';
import type { Participant } from './participants';
import { formatHours, standardOffsetHours, timeZoneGapHours } from './timeZoneGap';

export const REASONS_SHOWN = 3;

interface Fact {
  forMentee: string;
  forMentor: string;
}

export function matchReasons(
  compiled: CompiledQuestionnaire,
  contributions: readonly Contribution[],
  mentee: Participant,
  mentor: Participant,
  limit = REASONS_SHOWN,
): MatchReasons {
  const order = new Map(compiled.scored.map((s, i) => [s.question.id, i]));
  const facts = contributions
    .filter((c) => c.bothAnswered && !c.sensitive && c.points > 0)
    .sort((a, b) => b.scorePoints - a.scorePoints || b.weight - a.weight || order.get(a.questionId)! - order.get(b.questionId)!)
    .map((c) => compiled.scored[order.get(c.questionId)!]!)
    .map((scored) => factFor(scored, mentee.answers, mentor.answers))
    .filter((fact): fact is Fact => fact !== null)
    .slice(0, limit);
  return { forMentee: facts.map((f) => f.forMentee), forMentor: facts.map((f) => f.forMentor) };
}

const both = (words: string): Fact => ({ forMentee: words, forMentor: words });

function factFor(scored: ScoredQuestion, menteeAnswers: Answers, mentorAnswers: Answers): Fact | null {
  const q = scored.question;
  const menteeAnswer = menteeAnswers[q.id];
  const mentorAnswer = mentorAnswers[scored.mentorQuestionId];

  if (scored.rule === 'wants-offers') return wantsOffersFact(q, choices(menteeAnswer), choices(mentorAnswer));

  if (q.purpose === 'time-zone' && typeof menteeAnswer === 'string' && typeof mentorAnswer === 'string') {
    const [a, b] = [standardOffsetHours(menteeAnswer), standardOffsetHours(mentorAnswer)];
    if (a === undefined || b === undefined) return null;
    const gap = timeZoneGapHours(a, b);
    return both(gap === 0 ? 'same time zone' : `${formatHours(gap)} h apart`);
  }

  switch (q.type) {
    case 'multi-choice': {
      const shared = sharedTitles(q, choices(menteeAnswer), choices(mentorAnswer));
      if (scored.rule === 'different') return both(`different answers to “${q.label}”`);
      if (shared.length === 0) return null;
      if (q.purpose === 'languages') return both(`both speak ${listWords(shared)}`);
      if (q.id === 'interests') return both(`shared interests: ${listWords(shared)}`);
      if (q.id === 'availability') return both(`both can meet: ${listWords(shared.map(lowerFirst))}`);
      return both(`both chose ${listWords(shared)}`);
    }
    case 'single-choice': {
      if (typeof menteeAnswer !== 'string' || typeof mentorAnswer !== 'string') return null;
      if (scored.rule === 'distance') return rankFact(q, menteeAnswer, mentorAnswer);
      if (scored.rule === 'different') return both(q.id === 'department' ? 'different department' : `different “${q.label}”`);
      if (q.id === 'communication') return both(meetingWords[menteeAnswer] ?? `both prefer ${titleOf(q, menteeAnswer)}`);
      return both(`both chose ${titleOf(q, menteeAnswer)}`);
    }
    case 'number': {
      if (typeof menteeAnswer !== 'number' || typeof mentorAnswer !== 'number') return null;
      if (scored.rule === 'distance') return numberFact(q, menteeAnswer, mentorAnswer);
      if (scored.rule === 'different') return both(`different “${q.label}”`);
      return both(`both answered ${menteeAnswer} to “${q.label}”`);
    }
    default: {
      if (typeof menteeAnswer !== 'string' || typeof mentorAnswer !== 'string') return null;
      if (scored.rule === 'different') return both(`different “${q.label}”`);
      if (normaliseText(menteeAnswer) !== normaliseText(mentorAnswer)) return null;
      if (q.id === 'location') {
        return {
          forMentee: `both usually work in ${menteeAnswer.trim()}`,
          forMentor: `both usually work in ${mentorAnswer.trim()}`,
        };
      }
      return { forMentee: `both answered “${menteeAnswer.trim()}”`, forMentor: `both answered “${mentorAnswer.trim()}”` };
    }
  }
}

const meetingWords: Record<string, string> = {
  'teams-video-call': 'both prefer Teams video calls',
  'in-person': 'both prefer to meet in person',
  either: 'both happy with a call or in person',
};

function wantsOffersFact(q: Question, wanted: string[], offered: string[]): Fact | null {
  const wants = sharedTitles(q, wanted, wanted);
  const met = sharedTitles(q, wanted, offered);
  if (met.length === 0) return null;
  const [one, many] = q.id === 'skillsToDevelop' ? ['skill', 'skills'] : ['', ''];
  const noun = (n: number) => (n === 1 ? one : many);
  if (wants.length === 1) {
    return {
      forMentee: `offers ${met[0]}, the ${noun(1) || 'one'} you want`,
      forMentor: `you offer ${met[0]}, the ${noun(1) || 'one'} they want`,
    };
  }
  const which =
    met.length < wants.length ? `${met.length} of the ${wants.length}` : wants.length === 2 ? 'both' : `all ${wants.length}`;
  const what = [which, noun(wants.length)].filter(Boolean).join(' ');
  return { forMentee: `offers ${what} you want`, forMentor: `you offer ${what} they want` };
}

function rankFact(q: Question, menteeAnswer: string, mentorAnswer: string): Fact | null {
  const menteeRank = q.options?.find((o) => o.value === menteeAnswer)?.rank;
  const mentorRank = q.options?.find((o) => o.value === mentorAnswer)?.rank;
  if (menteeRank === undefined || mentorRank === undefined) return null;
  if (q.id === 'level') {
    const d = mentorRank - menteeRank;
    const levels = (n: number) => `${Math.abs(n)} ${Math.abs(n) === 1 ? 'level' : 'levels'} ${n > 0 ? 'senior' : 'junior'}`;
    if (d === 0) return { forMentee: 'same level', forMentor: 'you are at the same level' };
    return { forMentee: levels(d), forMentor: `you are ${levels(d)}` };
  }
  return {
    forMentee: `${titleOf(q, mentorAnswer)} against your ${titleOf(q, menteeAnswer)}`,
    forMentor: `your ${titleOf(q, mentorAnswer)} against their ${titleOf(q, menteeAnswer)}`,
  };
}

function numberFact(q: Question, menteeAnswer: number, mentorAnswer: number): Fact {
  if (q.id === 'experienceYears') {
    const d = mentorAnswer - menteeAnswer;
    if (d === 0) return { forMentee: 'as many years of experience', forMentor: 'you have as many years of experience' };
    const years = `${Math.abs(d)} ${d > 0 ? 'more' : 'fewer'} ${Math.abs(d) === 1 ? 'year' : 'years'} of experience`;
    return { forMentee: years, forMentor: `you have ${years}` };
  }
  return {
    forMentee: `“${q.label}”: ${mentorAnswer} against your ${menteeAnswer}`,
    forMentor: `“${q.label}”: your ${mentorAnswer} against their ${menteeAnswer}`,
  };
}

/** Titles of the options both lists hold, in the question's order. */
function sharedTitles(q: Question, a: readonly string[], b: readonly string[]): string[] {
  return (q.options ?? []).filter((o) => a.includes(o.value) && b.includes(o.value)).map((o) => o.title);
}

function titleOf(q: Question, value: string): string {
  return q.options?.find((o) => o.value === value)?.title ?? value;
}

function lowerFirst(title: string): string {
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
