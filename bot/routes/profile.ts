import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import { describeProblem, programAction } from '../cardData';
import type { AdaptiveCard } from '../cards/render';
import { registrationFormCard } from '../cards/registrationFormCard';
import { registrationSummaryCard } from '../cards/registrationSummaryCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { NO_OPEN_PROGRAM, NOT_REGISTERED, PROGRAM_UNAVAILABLE } from './messages';

/** `profile`: the saved registration, with Edit and Withdraw. */
export function profileCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const person = currentPerson(state);
    const program = await deps.registration.currentProgram(person.tenantId);
    if (!program) {
      await context.sendActivity(NO_OPEN_PROGRAM);
      return;
    }
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    if (!enrollment || enrollment.status === 'withdrawn') {
      await context.sendActivity(NOT_REGISTERED(program.name));
      return;
    }
    await sendCard(
      context,
      registrationSummaryCard({ program, enrollment, heading: 'Your registration', timeZone: person.timeZone }),
    );
  };
}

/** Edit on the summary: the form again, pre-filled, bound to the revision it edits. */
export function editRegistration(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = programAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const program = await deps.registration.openProgram(person.tenantId, parsed.data.programId);
    if (!program) return PROGRAM_UNAVAILABLE;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    if (!enrollment || enrollment.status === 'withdrawn') return NOT_REGISTERED(program.name);
    return registrationFormCard({ program, role: enrollment.role, revision: enrollment.revision, values: enrollment.answers });
  };
}
