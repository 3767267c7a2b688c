import type { TurnContext } from 'botbuilder';
import { roleLine } from '../../src/domain/profileSummary';
import { isMentee } from '../../src/domain/roles';
import type { FindMentorsResult, RequestMentorResult } from '../../src/services/proposals';
import type { BotDeps } from '../deps';
import { describeProblem, mentorRequestAction, programAction } from '../cardData';
import { mentorOptionsCard } from '../cards/mentorOptionsCard';
import { mentorRequestedCard } from '../cards/mentorRequestedCard';
import { programPickCard } from '../cards/programPickCard';
import { formatDay, type AdaptiveCard } from '../cards/render';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { currentProgramOrReply, NOT_REGISTERED_ANYWHERE } from './lookups';
import { PROGRAM_UNAVAILABLE } from './messages';

/**
 * `find a mentor`: the mentee's five best mentors, each with a button to ask.
 * It works per program where mentees choose; with several, it asks which.
 */
export function findMentorCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const person = currentPerson(state);
    const registrations = await deps.registration.registrations(person);
    const asMentee = registrations.filter((r) => isMentee(r.enrollment.role));
    const choosing = asMentee.filter((r) => r.program.matchingMode === 'mentee-choice');
    if (choosing.length > 1) {
      await sendCard(
        context,
        programPickCard(
          {
            heading: 'Find a mentor in which program?',
            prompt: 'You are a mentee in more than one program where you choose your mentor. Which one is this for?',
            buttonTitle: 'Find a mentor here',
            verb: 'match.find',
          },
          choosing,
        ),
      );
      return;
    }
    if (registrations.length === 0 && (await deps.registration.openPrograms(person.tenantId)).length > 1) {
      await context.sendActivity(NOT_REGISTERED_ANYWHERE);
      return;
    }
    // Without a program to choose in, the one that explains why not: where they are a mentee, else any.
    const program =
      (choosing[0] ?? asMentee[0] ?? registrations[0])?.program ?? (await currentProgramOrReply(context, deps, person));
    if (!program) return;
    const answer = optionsOrSentence(await deps.proposals.findMentors(person, program.id));
    if (typeof answer === 'string') await context.sendActivity(answer);
    else await sendCard(context, answer);
  };
}

/** "Find a mentor" on the status card. */
export function findMentorAction(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = programAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    return optionsOrSentence(await deps.proposals.findMentors(currentPerson(state), parsed.data.programId));
  };
}

/** "Ask Priya": proposes the match to that mentor; asking twice asks once. */
export function requestMentor(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = mentorRequestAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const result = await deps.proposals.requestMentor(person, parsed.data.programId, parsed.data.mentorPersonId);
    switch (result.kind) {
      case 'requested':
      case 'already-requested':
        return mentorRequestedCard({
          mentorName: result.notice.mentorName,
          expiresOn: formatDay(result.notice.expiresAt, person.timeZone ?? result.notice.menteeTimeZone),
        });
      case 'mentor-unavailable':
        return `${result.reason} Type "find a mentor" to see who has room now.`;
      default:
        return notOffered(result);
    }
  };
}

function optionsOrSentence(result: FindMentorsResult): AdaptiveCard | string {
  if (result.kind !== 'options') return notOffered(result);
  const { program, options } = result;
  return mentorOptionsCard({
    programId: program.id,
    programName: program.name,
    options: options.map((o) => ({
      mentorPersonId: o.mentor.personId,
      name: o.mentor.name,
      role: roleLine(program.questionnaire, o.mentor.answers),
      score: o.score,
      reasons: o.reasons.forMentee,
    })),
  });
}

type NotOffered = Exclude<
  FindMentorsResult | RequestMentorResult,
  { kind: 'options' | 'requested' | 'already-requested' | 'mentor-unavailable' }
>;

function notOffered(result: NotOffered): string {
  switch (result.kind) {
    case 'program-unavailable':
      return PROGRAM_UNAVAILABLE;
    case 'not-mentee-choice':
      return `In ${result.program.name}, the program admins make the matches. You'll hear from us here as soon as you have one.`;
    case 'not-a-mentee':
      return `To find a mentor in ${result.program.name}, register as a mentee (or both). Type "register" to start, or "profile" to change your role.`;
    case 'busy':
      return result.state === 'matched'
        ? `${result.mentorName} is already your mentor. Type "my matches" to see your mentorship.`
        : `You've asked ${result.mentorName} to be your mentor and they have a few days to answer. We'll let you know here.`;
  }
}
