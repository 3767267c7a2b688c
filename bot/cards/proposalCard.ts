import template from './templates/proposal.json';
import { bulletList, matchScoreText, type ProposalView } from './matchViews';
import { renderCard, type AdaptiveCard } from './render';

/** The open proposal, sent to the mentor, who accepts or declines it. */
export function proposalCard(view: ProposalView): AdaptiveCard {
  return renderCard(template, {
    heading: proposalHeading(view),
    proposalId: view.proposalId,
    programName: view.programName,
    menteeName: view.menteeName,
    menteeRole: view.menteeRole.trim(),
    menteeGoals: view.menteeGoals.trim(),
    reasonList: bulletList(view.reasons),
    scoreText: matchScoreText(view.score),
    expiresOn: view.expiresOn,
  });
}

// Saying who asked tells the mentor how much the mentee already hopes for a yes.
function proposalHeading(view: ProposalView): string {
  switch (view.source) {
    case 'mentee-choice':
      return `${view.menteeName} would like you as their mentor`;
    case 'admin':
      return 'Your program admin paired you with a mentee';
    case 'algorithm':
      return 'Tandem suggests a mentee for you';
  }
}
