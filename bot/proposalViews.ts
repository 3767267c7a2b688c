/** Turns what the use cases return into the matching cards' view models. */
import type { ProposalNotice } from '../src/services/ports';
import type { ProposalView } from './cards/matchViews';
import { formatDay } from './cards/render';

export function proposalView(notice: ProposalNotice): ProposalView {
  return {
    proposalId: notice.proposalId,
    programName: notice.programName,
    menteeName: notice.menteeName,
    menteeRole: notice.menteeRole,
    menteeGoals: notice.menteeGoals,
    reasons: notice.reasons.forMentor,
    score: notice.score,
    expiresOn: formatDay(notice.expiresAt, notice.mentorTimeZone),
    source: notice.source,
  };
}
