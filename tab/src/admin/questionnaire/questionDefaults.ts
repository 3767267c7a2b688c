/** What a question becomes when its type or matching rule changes, so it stays one the server accepts. */
import type { MatchingRuleName, Question, QuestionType } from '../../api/adminTypes';

export const questionTypeWords: Record<QuestionType, string> = {
  'single-choice': 'One choice',
  'multi-choice': 'Several choices',
  text: 'Short text',
  'long-text': 'Long text',
  number: 'Number',
};

export const audienceWords = { both: 'Mentors and mentees', mentor: 'Mentors', mentee: 'Mentees' } as const;

export const ruleWords: Record<MatchingRuleName, string> = {
  none: 'Not used for matching',
  same: 'Same answer scores',
  different: 'Different answers score',
  overlap: 'Shared choices score',
  'wants-offers': 'What the mentee wants meets what the mentor offers',
  distance: 'Numbers close to an ideal difference score',
};

/** The rules that make sense for each type of question. */
export const rulesFor: Record<QuestionType, MatchingRuleName[]> = {
  // distance on a single choice needs ranked options or the time-zone purpose; the server says so if not.
  'single-choice': ['none', 'same', 'different', 'distance'],
  'multi-choice': ['none', 'overlap', 'wants-offers'],
  text: ['none'],
  'long-text': ['none'],
  number: ['none', 'distance'],
};

const CHOICES = new Set<QuestionType>(['single-choice', 'multi-choice']);

export function withType(q: Question, type: QuestionType): Question {
  const next: Question = { ...q, type };
  if (CHOICES.has(type)) {
    next.options = q.options && q.options.length >= 2 ? q.options : [{ value: 'option-1', title: 'Option 1' }, { value: 'option-2', title: 'Option 2' }];
  } else delete next.options;
  if (type !== 'multi-choice') delete next.maxChoices;
  if (type === 'number') {
    next.min = q.min ?? 0;
    next.max = q.max ?? 10;
  } else {
    delete next.min;
    delete next.max;
  }
  if (type !== 'text' && type !== 'long-text') delete next.maxLength;
  if (!rulesFor[type].includes(q.matching.rule)) next.matching = { rule: 'none', weight: 0 };
  return next;
}

export function withRule(q: Question, rule: MatchingRuleName, others: Question[]): Question {
  const weight = q.matching.rule === 'none' ? 1 : q.matching.weight;
  switch (rule) {
    case 'none':
      return { ...q, matching: { rule: 'none', weight: 0 } };
    case 'wants-offers':
      return { ...q, matching: { rule, weight, counterpart: others.find((o) => o.id !== q.id && o.type === q.type)?.id ?? '' } };
    case 'distance':
      return { ...q, matching: { rule, weight, ideal: 0, tolerance: 1 } };
    default:
      return { ...q, matching: { rule, weight } };
  }
}

export function newQuestion(existing: Question[]): Question {
  let n = existing.length + 1;
  while (existing.some((q) => q.id === `question${n}`)) n++;
  return {
    id: `question${n}`,
    label: 'A new question',
    type: 'single-choice',
    audience: 'both',
    required: false,
    options: [
      { value: 'option-1', title: 'Option 1' },
      { value: 'option-2', title: 'Option 2' },
    ],
    matching: { rule: 'none', weight: 0 },
  };
}
