import template from './templates/help.json';
import { renderCard, type AdaptiveCard } from './render';

export const commands = [
  { name: 'register', description: 'Sign up as a mentor, a mentee, or both' },
  { name: 'profile', description: 'See and edit your registration' },
  { name: 'find a mentor', description: 'See your best mentor matches and ask one' },
  { name: 'my matches', description: 'Your mentor or mentees, and who you are waiting on' },
  { name: 'schedule', description: 'Your upcoming sessions: book, reschedule or cancel' },
  { name: 'withdraw', description: 'Leave the program (you can come back any time)' },
  { name: 'help', description: 'Show this list' },
];

export function helpCard(): AdaptiveCard {
  return renderCard(template, { commands });
}
