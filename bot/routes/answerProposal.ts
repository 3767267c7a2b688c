import type { TurnContext } from 'botbuilder';
import type { ResponseResult } from '../../src/services/proposals';
import type { Person } from '../../src/store/repositories/people';
import type { BotDeps } from '../deps';
import { declineAction, describeProblem, proposalAction } from '../cardData';
import { proposalAcceptedCard } from '../cards/proposalAcceptedCard';
import { proposalClosedCard } from '../cards/proposalClosedCard';
import { proposalDeclinedCard } from '../cards/proposalDeclinedCard';
import { proposalExpiredCard } from '../cards/proposalExpiredCard';
import { firstName, formatDay, type AdaptiveCard } from '../cards/render';
import { proposalView } from '../proposalViews';
import { PROPOSAL_CLOSED } from '../matchNotifier';
import { currentPerson, type TandemTurnState } from '../turnState';

const UNKNOWN = 'This proposal is no longer in Tandem. Type "my matches" to see where things stand.';

/** "Accept" on a proposal card: only the mentor's click counts, and only once. */
export function acceptProposal(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = proposalAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const result = await deps.proposals.accept(person, parsed.data.proposalId);
    if (result.kind === 'accepted') {
      await context.sendActivity(
        `Wonderful: you and ${result.notice.menteeName} are now a mentoring pair. We've let ${firstName(result.notice.menteeName)} know.`,
      );
    }
    return cardFor(result, person);
  };
}

/** "Decline", with the optional note only the program admins see. */
export function declineProposal(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = declineAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const result = await deps.proposals.decline(person, parsed.data.proposalId, parsed.data.declineReason);
    if (result.kind === 'declined') {
      await context.sendActivity('Thanks for letting us know. We will find another mentor for them; no explanation needed.');
    }
    return cardFor(result, person);
  };
}

/** The card in its state now; a click that changes nothing says why. */
function cardFor(result: ResponseResult, person: Person): AdaptiveCard | string {
  if (result.kind === 'unknown') return UNKNOWN;
  if (result.kind === 'not-yours') {
    return `Only ${result.notice.mentorName} can answer this proposal; nothing has changed.`;
  }
  const view = proposalView(result.notice);
  const on = formatDay(result.at, person.timeZone ?? result.notice.mentorTimeZone);
  const status = result.kind === 'final' ? result.status : result.kind;
  switch (status) {
    case 'accepted':
      return proposalAcceptedCard(view, { acceptedOn: on });
    case 'declined':
      return proposalDeclinedCard(view, { declinedOn: on });
    case 'expired':
      return proposalExpiredCard(view, { expiredOn: formatDay(result.notice.expiresAt, person.timeZone) });
    default:
      return proposalClosedCard(view, { reason: PROPOSAL_CLOSED });
  }
}
