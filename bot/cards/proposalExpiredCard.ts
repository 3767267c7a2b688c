import template from './templates/proposal-expired.json';
import { menteeLine, type ProposalView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** The proposal nobody answered in time; it replaces the open card for everyone. */
export function proposalExpiredCard(view: ProposalView, outcome: { expiredOn: string }): AdaptiveCard {
  return renderCard(template, {
    programName: view.programName,
    menteeName: view.menteeName,
    menteeFirstName: firstName(view.menteeName),
    menteeLine: menteeLine(view),
    expiredOn: outcome.expiredOn,
  });
}
