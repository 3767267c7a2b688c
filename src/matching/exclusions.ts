/**
 * Hard exclusions: pairs matching never proposes, whatever their score. Each
 * comes with a code and plain words; a pair gets every one that applies.
 */
import type { EncodedGroup } from './answerEncoding';
import type { CompiledQuestionnaire } from './compiledQuestionnaire';
import type { Exclusion } from './pairVerdict';
import type { Participant, ScoringContext } from './participants';
import { formatHours } from './timeZoneGap';

/** Hours apart of mentee i and mentor j, or NaN when either zone is missing or unknown. */
export function encodedTimeZoneGap(
  compiled: CompiledQuestionnaire,
  mentees: EncodedGroup,
  i: number,
  mentors: EncodedGroup,
  j: number,
): number {
  if (!compiled.timeZone) return NaN;
  const { slot } = compiled.timeZone.encoding;
  const side = compiled.timeZone.offsets.length + 1;
  return compiled.timeZone.gaps[
    (mentees.ints[slot * mentees.count + i]! + 1) * side + mentors.ints[slot * mentors.count + j]! + 1
  ]!;
}

/** True only when both answered the languages question and share none of them. */
export function encodedShareNoLanguage(
  compiled: CompiledQuestionnaire,
  mentees: EncodedGroup,
  i: number,
  mentors: EncodedGroup,
  j: number,
): boolean {
  if (!compiled.languages) return false;
  const { slot, words } = compiled.languages.encoding;
  const menteeAt = (word: number) => mentees.ints[(slot + word) * mentees.count + i]!;
  const mentorAt = (word: number) => mentors.ints[(slot + word) * mentors.count + j]!;
  if (menteeAt(words) === 0 || mentorAt(words) === 0) return false;
  for (let word = 0; word < words; word++) if ((menteeAt(word) & mentorAt(word)) !== 0) return false;
  return true;
}

export const exclusionWords = {
  samePerson: 'the same person',
  reportingLine: "the mentor is in the mentee's reporting line (their manager or above)",
  pairedBefore: 'paired before in this program',
  timeZoneGap: (gapHours: number, maxHours: number) =>
    `${formatHours(gapHours)} h apart, more than the program's ${formatHours(maxHours)} h`,
  noSharedLanguage: 'no language in common',
  notActive: (mentee: Participant['status'], mentor: Participant['status']) =>
    [
      mentee !== 'active' ? `the mentee's enrollment is ${mentee}` : '',
      mentor !== 'active' ? `the mentor's enrollment is ${mentor}` : '',
    ]
      .filter(Boolean)
      .join(' and '),
  noCapacity: 'the mentor has no room for another mentee now',
} as const;

/** Every exclusion that applies to the pair, from the two encoded alone in their groups. */
export function pairExclusions(
  mentee: Participant,
  mentor: Participant,
  ctx: ScoringContext,
  compiled: CompiledQuestionnaire,
  menteeGroup: EncodedGroup,
  mentorGroup: EncodedGroup,
): Exclusion[] {
  const exclusions: Exclusion[] = [];
  if (mentee.personId === mentor.personId) exclusions.push({ code: 'same-person', words: exclusionWords.samePerson });
  if (ctx.reportingLine(mentee.personId).has(mentor.personId)) {
    exclusions.push({ code: 'reporting-line', words: exclusionWords.reportingLine });
  }
  if (ctx.pairedBefore(mentee.personId, mentor.personId)) {
    exclusions.push({ code: 'paired-before', words: exclusionWords.pairedBefore });
  }
  const gap = encodedTimeZoneGap(compiled, menteeGroup, 0, mentorGroup, 0);
  if (ctx.maxTimeZoneGapHours !== null && gap > ctx.maxTimeZoneGapHours) {
    exclusions.push({ code: 'time-zone-gap', words: exclusionWords.timeZoneGap(gap, ctx.maxTimeZoneGapHours) });
  }
  if (encodedShareNoLanguage(compiled, menteeGroup, 0, mentorGroup, 0)) {
    exclusions.push({ code: 'no-shared-language', words: exclusionWords.noSharedLanguage });
  }
  if (mentee.status !== 'active' || mentor.status !== 'active') {
    exclusions.push({ code: 'not-active', words: exclusionWords.notActive(mentee.status, mentor.status) });
  }
  if (mentor.capacity <= 0) exclusions.push({ code: 'no-capacity', words: exclusionWords.noCapacity });
  return exclusions;
}
