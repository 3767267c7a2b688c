import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import type { AdaptiveCard } from '../cards/render';
import { registrationFormCard } from '../cards/registrationFormCard';
import { registrationSummaryCard } from '../cards/registrationSummaryCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { activeEnrollmentOrReply, currentProgramOrReply, programOnCard } from './lookups';
import { NOT_REGISTERED } from './messages';

/** `profile`: the saved registration, with Edit and Withdraw. */
export function profileCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const person = currentPerson(state);
    const program = await currentProgramOrReply(context, deps, person);
    const enrollment = program && (await activeEnrollmentOrReply(context, deps, person, program));
    if (!program || !enrollment) return;
    await sendCard(
      context,
      registrationSummaryCard({ program, enrollment, heading: 'Your registration', timeZone: person.timeZone }),
    );
  };
}

/** Edit on the summary: the form again, pre-filled, bound to the revision it edits. */
export function editRegistration(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const person = currentPerson(state);
    const program = await programOnCard(deps, person, data);
    if (typeof program === 'string') return program;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    if (!enrollment || enrollment.status === 'withdrawn') return NOT_REGISTERED(program.name);
    return registrationFormCard({ program, role: enrollment.role, revision: enrollment.revision, values: enrollment.answers });
  };
}
