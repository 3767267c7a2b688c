import type { TurnContext } from 'botbuilder';
import type { Answers } from '../../src/domain/answers';
import { offeredTimeZone } from '../../src/domain/timeZones';
import type { Program } from '../../src/store/repositories/programs';
import type { BotDeps } from '../deps';
import { chooseRoleAction, describeProblem } from '../cardData';
import type { AdaptiveCard } from '../cards/render';
import { registrationFormCard } from '../cards/registrationFormCard';
import { roleChoiceCard } from '../cards/roleChoiceCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { currentProgramOrReply, programOnCard } from './lookups';
import { PROGRAM_UNAVAILABLE } from './messages';

/** `register`: the role choice, the first step of the registration form. */
export function registerCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const person = currentPerson(state);
    const program = await currentProgramOrReply(context, deps, person);
    if (!program) return;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    if (enrollment?.status === 'active') {
      await context.sendActivity(
        `You are already registered for ${program.name}. Here is your form, in case you want to change something.`,
      );
      await sendCard(
        context,
        registrationFormCard({ program, role: enrollment.role, revision: enrollment.revision, values: enrollment.answers }),
      );
      return;
    }
    await sendCard(context, roleChoiceCard(program));
  };
}

/** The welcome card's Register button, and "Change role" on the form. */
export function startRegistration(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const program = await programOnCard(deps, currentPerson(state), data);
    return typeof program === 'string' ? program : roleChoiceCard(program);
  };
}

/** A role was picked: the form with that role's questions, pre-filled from any earlier answers. */
export function chooseRole(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = chooseRoleAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const program = await deps.registration.openProgram(person.tenantId, parsed.data.programId);
    if (!program) return PROGRAM_UNAVAILABLE;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    return registrationFormCard({
      program,
      role: parsed.data.role,
      revision: enrollment?.revision ?? 0,
      values: enrollment?.answers ?? suggestedAnswers(program, person.timeZone),
    });
  };
}

/**
 * A first form starts from what we already know: the time zone Teams reports,
 * and the program's usual mentor capacity.
 */
function suggestedAnswers(program: Program, clientTimeZone: string | null): Answers {
  const timeZone = offeredTimeZone(clientTimeZone ?? undefined);
  return { mentorCapacity: program.mentorCapacityDefault, ...(timeZone ? { timeZone } : {}) };
}
