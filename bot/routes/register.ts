import type { TurnContext } from 'botbuilder';
import type { Answers } from '../../src/domain/answers';
import { offeredTimeZone } from '../../src/domain/timeZones';
import type { ProgramOffer } from '../../src/services/registration';
import type { Program } from '../../src/store/repositories/programs';
import type { BotDeps } from '../deps';
import { chooseRoleAction, describeProblem } from '../cardData';
import { programChoiceCard } from '../cards/programChoiceCard';
import type { AdaptiveCard } from '../cards/render';
import { registrationFormCard } from '../cards/registrationFormCard';
import { roleChoiceCard } from '../cards/roleChoiceCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { programOnCard } from './lookups';
import { NO_OPEN_PROGRAM } from './messages';

const ALREADY_REGISTERED = (programName: string) =>
  `You are already registered for ${programName}. Here is your form, in case you want to change something.`;

/** `register`: the role choice, the first step of the registration form; first the program when several are open. */
export function registerCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const answer = await registrationStart(context, deps, await deps.registration.offers(currentPerson(state)));
    if (typeof answer === 'string') await context.sendActivity(answer);
    else await sendCard(context, answer);
  };
}

/** "See the programs" on the welcome card sent when several programs were open. */
export function listPrograms(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<AdaptiveCard | string> =>
    registrationStart(context, deps, await deps.registration.offers(currentPerson(state)));
}

/** A program picked on the choice card: its role choice, or the saved form when already registered. */
export function chooseProgram(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const person = currentPerson(state);
    const program = await programOnCard(deps, person, data);
    if (typeof program === 'string') return program;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    return firstStep(context, { program, ...(enrollment ? { enrollment } : {}) });
  };
}

/** The welcome card's Register button (one open program), and "Change role" on the form. */
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
    const program = await programOnCard(deps, person, { programId: parsed.data.programId });
    if (typeof program === 'string') return program;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    return registrationFormCard({
      program,
      role: parsed.data.role,
      revision: enrollment?.revision ?? 0,
      values: enrollment?.answers ?? suggestedAnswers(program, person.timeZone),
    });
  };
}

/** One open program goes straight to its first step; several are offered to choose from. */
async function registrationStart(context: TurnContext, deps: BotDeps, offers: ProgramOffer[]): Promise<AdaptiveCard | string> {
  const [only, ...others] = offers;
  if (!only) return NO_OPEN_PROGRAM;
  return others.length === 0 ? firstStep(context, only) : programChoiceCard(offers);
}

async function firstStep(context: TurnContext, { program, enrollment }: ProgramOffer): Promise<AdaptiveCard> {
  if (enrollment?.status !== 'active') return roleChoiceCard(program);
  await context.sendActivity(ALREADY_REGISTERED(program.name));
  return registrationFormCard({ program, role: enrollment.role, revision: enrollment.revision, values: enrollment.answers });
}

/**
 * A first form starts from what we already know: the time zone Teams reports,
 * and the program's usual mentor capacity.
 */
function suggestedAnswers(program: Program, clientTimeZone: string | null): Answers {
  const timeZone = offeredTimeZone(clientTimeZone ?? undefined);
  return { mentorCapacity: program.mentorCapacityDefault, ...(timeZone ? { timeZone } : {}) };
}
