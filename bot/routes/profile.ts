import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import type { AdaptiveCard } from '../cards/render';
import { registrationFormCard } from '../cards/registrationFormCard';
import { registrationSummaryCard } from '../cards/registrationSummaryCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { registrationOnCard, registrationOrAsk } from './lookups';

/** `profile`: the saved registration, with Edit and Withdraw; first which one, when there are several. */
export function profileCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const person = currentPerson(state);
    const registration = await registrationOrAsk(context, deps, person, {
      heading: 'Which registration?',
      prompt: 'You are registered in more than one program. Which registration would you like to see?',
      buttonTitle: 'Show my registration',
      verb: 'registration.view',
    });
    if (!registration) return;
    const { program, enrollment } = registration;
    await sendCard(
      context,
      registrationSummaryCard({ program, enrollment, heading: 'Your registration', timeZone: person.timeZone }),
    );
  };
}

/** A program picked after `profile`: that registration's summary. */
export function viewRegistration(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const person = currentPerson(state);
    const registration = await registrationOnCard(deps, person, data);
    if (typeof registration === 'string') return registration;
    const { program, enrollment } = registration;
    return registrationSummaryCard({ program, enrollment, heading: 'Your registration', timeZone: person.timeZone });
  };
}

/** Edit on the summary: the form again, pre-filled, bound to the revision it edits. */
export function editRegistration(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const registration = await registrationOnCard(deps, currentPerson(state), data);
    if (typeof registration === 'string') return registration;
    const { program, enrollment } = registration;
    return registrationFormCard({ program, role: enrollment.role, revision: enrollment.revision, values: enrollment.answers });
  };
}
