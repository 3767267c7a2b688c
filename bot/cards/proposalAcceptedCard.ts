import template from './templates/proposal-accepted.json';
import { menteeLine, type ProposalView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** The proposal after the mentor said yes; it replaces the open card for everyone. */
export function proposalAcceptedCard(view: ProposalView, outcome: { acceptedOn: string }): AdaptiveCard {
  return renderCard(template, {
    programName: view.programName,
    menteeName: view.menteeName,
    menteeFirstName: firstName(view.menteeName),
    menteeLine: menteeLine(view),
    acceptedOn: outcome.acceptedOn,
  });
}
