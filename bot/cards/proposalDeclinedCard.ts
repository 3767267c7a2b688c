import template from './templates/proposal-declined.json';
import { menteeLine, type ProposalView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** The proposal after the mentor said no; it replaces the open card for everyone. */
export function proposalDeclinedCard(view: ProposalView, outcome: { declinedOn: string }): AdaptiveCard {
  return renderCard(template, {
    programName: view.programName,
    menteeName: view.menteeName,
    menteeFirstName: firstName(view.menteeName),
    menteeLine: menteeLine(view),
    declinedOn: outcome.declinedOn,
  });
}
