import template from './templates/welcome-programs.json';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** The welcome when several programs are open: Register leads to the choice of program. */
export function welcomeProgramsCard(view: { personName: string; programNames: string[] }): AdaptiveCard {
  return renderCard(template, {
    firstName: firstName(view.personName),
    count: view.programNames.length,
    programList: listInWords(view.programNames.map((n) => `**${n}**`)),
  });
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
