import template from './templates/proposal-closed.json';
import { menteeLine, type ProposalView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/**
 * A proposal that can no longer be answered for a reason outside the mentor's hands,
 * e.g. "Ann has withdrawn from the program." or "Ann has been matched with another mentor."
 */
export function proposalClosedCard(view: ProposalView, outcome: { reason: string }): AdaptiveCard {
  const reason = outcome.reason.trim();
  return renderCard(template, {
    programName: view.programName,
    menteeName: view.menteeName,
    menteeFirstName: firstName(view.menteeName),
    menteeLine: menteeLine(view),
    reason: reason === '' ? 'It is no longer open.' : reason,
  });
}
