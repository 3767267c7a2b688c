import type { TurnContext } from 'botbuilder';
import { roleNames } from '../../src/domain/roles';
import type { BotDeps } from '../deps';
import { describeProblem, submitRegistrationAction } from '../cardData';
import type { AdaptiveCard } from '../cards/render';
import { firstName } from '../cards/render';
import { registrationFormCard } from '../cards/registrationFormCard';
import { registrationSummaryCard } from '../cards/registrationSummaryCard';
import { withdrawnCard } from '../cards/withdrawnCard';
import { currentPerson, type TandemTurnState } from '../turnState';
import { PROGRAM_UNAVAILABLE } from './messages';

/**
 * The form's Submit. Invalid answers bring the form back with the errors next
 * to the fields and nothing stored; a valid one turns the card into the
 * read-only summary; a repeat of an already saved form shows that summary
 * again, or the withdrawal when the person has left since.
 */
export function submitRegistration(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = submitRegistrationAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const { programId, role, revision, ...inputs } = parsed.data;
    const person = currentPerson(state);

    const result = await deps.registration.submit(person, { programId, role, revision, inputs });
    switch (result.kind) {
      case 'program-unavailable':
        return PROGRAM_UNAVAILABLE;
      case 'invalid':
        return registrationFormCard({
          program: result.program,
          role,
          revision,
          values: result.values,
          errors: result.errors,
          formError: result.formError,
        });
      case 'already-saved':
        if (result.enrollment.status === 'withdrawn') {
          return withdrawnCard(result.program, result.enrollment, person.timeZone);
        }
        return registrationSummaryCard({
          program: result.program,
          enrollment: result.enrollment,
          heading: 'You are registered',
          notice: 'This form was already submitted; here is what we have. Use Edit to change it.',
          timeZone: person.timeZone,
        });
      case 'saved': {
        const { program, enrollment, firstTime } = result;
        await context.sendActivity(
          firstTime
            ? `Thank you, ${firstName(person.name)}: you are registered as a ${roleNames[enrollment.role]} for ${program.name}. ` +
                'I will message you here as soon as there is a match for you to look at. Type "profile" to see or change your answers.'
            : `Your registration for ${program.name} is updated.`,
        );
        return registrationSummaryCard({
          program,
          enrollment,
          heading: firstTime ? 'You are registered' : 'Registration updated',
          timeZone: person.timeZone,
        });
      }
    }
  };
}
