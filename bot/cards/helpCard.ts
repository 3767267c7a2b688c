import template from './templates/help.json';
import { renderCard, type AdaptiveCard } from './render';

export const commands = [
  { name: 'register', description: 'Sign up as a mentor, a mentee, or both' },
  { name: 'profile', description: 'See and edit your registration' },
  { name: 'withdraw', description: 'Leave the program (you can come back any time)' },
  { name: 'help', description: 'Show this list' },
];

export function helpCard(): AdaptiveCard {
  return renderCard(template, { commands });
}
