import template from './templates/welcome.json';
import { firstName, renderCard, type AdaptiveCard } from './render';

export function welcomeCard(view: { personName: string; programId: string; programName: string }): AdaptiveCard {
  return renderCard(template, { ...view, firstName: firstName(view.personName) });
}
