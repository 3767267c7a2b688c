/**
 * People's answers written into flat arrays, once per person rather than once
 * per pair, in the slots a CompiledQuestionnaire fixes. A group is stored slot
 * by slot (all mentors' department, then all their levels...), so the kernel
 * sweeps one question over every mentor in a tight loop.
 */
import type { Answers, AnswerValue } from '../domain/answers';
import type { AnswerEncoding, CompiledQuestionnaire } from './compiledQuestionnaire';

export type Side = 'mentee' | 'mentor';

/** A group's encoded answers: person i's value in int slot s is ints[s × count + i]; floats alike. */
export interface EncodedGroup {
  count: number;
  ints: Int32Array;
  floats: Float64Array;
}

export class AnswerEncoder {
  /** Free-text answers compare by id; one dictionary per encoder so ids from one pool compare with each other. */
  private readonly textIds = new Map<string, number>();

  constructor(private readonly compiled: CompiledQuestionnaire) {}

  encodeAll(people: readonly { answers: Answers }[], side: Side): EncodedGroup {
    const { intWidth, floatWidth } = this.compiled;
    const group: EncodedGroup = {
      count: people.length,
      ints: new Int32Array(people.length * intWidth),
      floats: new Float64Array(people.length * floatWidth),
    };
    people.forEach((person, i) => {
      for (const scored of this.compiled.scored) {
        const questionId = side === 'mentor' ? scored.mentorQuestionId : scored.question.id;
        this.write(scored.encoding, person.answers[questionId], group, i);
      }
      const { timeZone, languages } = this.compiled;
      if (timeZone) this.write(timeZone.encoding, person.answers[timeZone.question.id], group, i);
      if (languages) this.write(languages.encoding, person.answers[languages.question.id], group, i);
      for (const bundle of this.compiled.bundles) {
        let code = 0;
        for (const member of bundle.members) {
          const value = group.ints[this.compiled.scored[member.q]!.encoding.slot * group.count + i]!;
          code = code * member.domain + (member.coding === 'value' ? value + 1 : value);
        }
        group.ints[bundle.codeSlot * group.count + i] = code;
      }
    });
    return group;
  }

  private write(encoding: AnswerEncoding, answer: AnswerValue | undefined, group: EncodedGroup, index: number) {
    const { count, ints, floats } = group;
    switch (encoding.form) {
      case 'option':
        ints[encoding.slot * count + index] = typeof answer === 'string' ? encoding.options.indexOf(answer) : -1;
        return;
      case 'ranged-number': {
        const value = numberIn(answer);
        ints[encoding.slot * count + index] = Number.isNaN(value)
          ? -1
          : Math.min(encoding.max, Math.max(encoding.min, Math.round(value))) - encoding.min;
        return;
      }
      case 'text': {
        const text = typeof answer === 'string' || typeof answer === 'number' ? normaliseText(String(answer)) : '';
        ints[encoding.slot * count + index] = text === '' ? -1 : this.textId(text);
        return;
      }
      case 'number': {
        floats[encoding.slot * count + index] = numberIn(answer);
        return;
      }
      case 'set': {
        let chosen = 0;
        for (const value of choices(answer)) {
          const bit = encoding.options.indexOf(value);
          if (bit < 0) continue;
          const at = (encoding.slot + (bit >>> 5)) * count + index;
          const mask = 1 << (bit & 31);
          if ((ints[at]! & mask) === 0) chosen++;
          ints[at] = ints[at]! | mask;
        }
        ints[(encoding.slot + encoding.words) * count + index] = chosen;
        return;
      }
    }
  }

  private textId(text: string): number {
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.textIds.size;
      this.textIds.set(text, id);
    }
    return id;
  }
}

/** A number answer (numbers stored as text too), NaN when there is none. */
function numberIn(answer: AnswerValue | undefined): number {
  const value = typeof answer === 'number' ? answer : typeof answer === 'string' && answer.trim() !== '' ? Number(answer) : NaN;
  return Number.isFinite(value) ? value : NaN;
}

/** Free text compares without case, accents or spacing: "München " and "munchen" are the same place. */
export function normaliseText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The choices of a multi-choice answer; a lone string is one choice. */
export function choices(answer: AnswerValue | undefined): string[] {
  if (Array.isArray(answer)) return answer;
  return typeof answer === 'string' && answer !== '' ? [answer] : [];
}

/** Whether person `index` of `group` gave a usable answer in `encoding`'s slot. */
export function isAnswered(encoding: AnswerEncoding, group: EncodedGroup, index: number): boolean {
  switch (encoding.form) {
    case 'option':
    case 'ranged-number':
    case 'text':
      return group.ints[encoding.slot * group.count + index]! >= 0;
    case 'number':
      return !Number.isNaN(group.floats[encoding.slot * group.count + index]!);
    case 'set':
      return group.ints[(encoding.slot + encoding.words) * group.count + index]! > 0;
  }
}
