/**
 * The look-ups most routes start with, each ending in either what the route
 * needs or the sentence that tells the person why not.
 */
import type { TurnContext } from 'botbuilder';
import type { Registration } from '../../src/services/registration';
import type { Person } from '../../src/store/repositories/people';
import type { Program } from '../../src/store/repositories/programs';
import type { Enrollment } from '../../src/store/repositories/enrollments';
import type { BotDeps } from '../deps';
import { describeProblem, programAction } from '../cardData';
import { programPickCard, type ProgramPickQuestion } from '../cards/programPickCard';
import { sendCard } from '../replies';
import { NO_OPEN_PROGRAM, NOT_REGISTERED, PROGRAM_UNAVAILABLE } from './messages';

export const NOT_REGISTERED_ANYWHERE =
  'You are not registered for any mentoring program yet. Type "register" to see the programs open now.';

/** A card naming a program that has closed (or was never offered) since the card was sent. */
export const PROGRAM_CLOSED = (programName: string) =>
  `${programName} is no longer open for registration. Type "register" to see what is open now.`;

/** For text commands: the program people register for in chat, or a reply saying there is none. */
export async function currentProgramOrReply(
  context: TurnContext,
  deps: BotDeps,
  person: Person,
): Promise<Program | undefined> {
  const program = await deps.registration.currentProgram(person.tenantId);
  if (!program) await context.sendActivity(NO_OPEN_PROGRAM);
  return program;
}

/** For text commands: the person's active enrollment, or a reply saying they are not registered. */
export async function activeEnrollmentOrReply(
  context: TurnContext,
  deps: BotDeps,
  person: Person,
  program: Program,
): Promise<Enrollment | undefined> {
  const enrollment = await deps.registration.findEnrollment(person, program.id);
  if (enrollment && enrollment.status !== 'withdrawn') return enrollment;
  await context.sendActivity(NOT_REGISTERED(program.name));
  return undefined;
}

/**
 * For text commands about one registration (`profile`, `withdraw`): the
 * person's only one; with several, a card asking which (its buttons carry on
 * with `question.verb`); with none, the sentence saying so.
 */
export async function registrationOrAsk(
  context: TurnContext,
  deps: BotDeps,
  person: Person,
  question: ProgramPickQuestion,
): Promise<Registration | undefined> {
  const registrations = await deps.registration.registrations(person);
  if (registrations.length === 1) return registrations[0];
  if (registrations.length > 1) {
    await sendCard(context, programPickCard(question, registrations));
    return undefined;
  }
  await context.sendActivity(await notRegistered(deps, person));
  return undefined;
}

/** Why a person with no registration has none, naming the program when only one is open. */
export async function notRegistered(deps: BotDeps, person: Person): Promise<string> {
  const open = await deps.registration.openPrograms(person.tenantId);
  if (open.length === 0) return NO_OPEN_PROGRAM;
  return open.length === 1 ? NOT_REGISTERED(open[0]!.name) : NOT_REGISTERED_ANYWHERE;
}

/** For card buttons: the open program the card names, or the message to answer the click with. */
export async function programOnCard(deps: BotDeps, person: Person, data: unknown): Promise<Program | string> {
  const parsed = programAction.safeParse(data);
  if (!parsed.success) return describeProblem(parsed.error);
  const open = await deps.registration.openProgram(person.tenantId, parsed.data.programId);
  if (open) return open;
  const known = await deps.registration.program(person.tenantId, parsed.data.programId);
  // A draft is never shown to participants, so it is not named either.
  return known && known.status === 'closed' ? PROGRAM_CLOSED(known.name) : PROGRAM_UNAVAILABLE;
}

/** For card buttons about one's own registration: the program the card names with the person's live enrollment in it, or the message to answer the click with. */
export async function registrationOnCard(deps: BotDeps, person: Person, data: unknown): Promise<Registration | string> {
  const program = await programOnCard(deps, person, data);
  if (typeof program === 'string') return program;
  const enrollment = await deps.registration.findEnrollment(person, program.id);
  if (!enrollment || enrollment.status === 'withdrawn') return NOT_REGISTERED(program.name);
  return { program, enrollment };
}
