import template from './templates/program-pick.json';
import { roleNames } from '../../src/domain/roles';
import type { Registration } from '../../src/services/registration';
import { renderCard, type AdaptiveCard } from './render';

/** The card verbs that take a `programId` and can follow a pick. */
export type ProgramPickVerb = 'registration.view' | 'withdrawal.request' | 'match.find';

export interface ProgramPickQuestion {
  heading: string;
  prompt: string;
  buttonTitle: string;
  verb: ProgramPickVerb;
}

/** "Which program?" when a command could mean more than one of the person's registrations. */
export function programPickCard(question: ProgramPickQuestion, registrations: Registration[]): AdaptiveCard {
  return renderCard(template, {
    ...question,
    programs: registrations.map(({ program, enrollment }) => ({
      programId: program.id,
      name: program.name,
      detail: `Registered as ${roleNames[enrollment.role]}`,
    })),
  });
}
