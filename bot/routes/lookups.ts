/**
 * The look-ups most routes start with, each ending in either what the route
 * needs or the sentence that tells the person why not.
 */
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../src/store/repositories/people';
import type { Program } from '../../src/store/repositories/programs';
import type { Enrollment } from '../../src/store/repositories/enrollments';
import type { BotDeps } from '../deps';
import { describeProblem, programAction } from '../cardData';
import { NO_OPEN_PROGRAM, NOT_REGISTERED, PROGRAM_UNAVAILABLE } from './messages';

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

/** For card buttons: the open program the card names, or the message to answer the click with. */
export async function programOnCard(deps: BotDeps, person: Person, data: unknown): Promise<Program | string> {
  const parsed = programAction.safeParse(data);
  if (!parsed.success) return describeProblem(parsed.error);
  return (await deps.registration.openProgram(person.tenantId, parsed.data.programId)) ?? PROGRAM_UNAVAILABLE;
}
