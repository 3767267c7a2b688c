/**
 * The bot's side of the matching notifications: builds the card or sentence
 * for each event and hands it to the proactive sender. The proposal card's
 * message id is recorded, so an expiry can replace it in the mentor's chat.
 */
import { MessageFactory } from 'botbuilder';
import type { MatchNotifier, ProposalNotice } from '../src/services/ports';
import { cardMessage, firstName, formatDay } from './cards/render';
import { proposalCard } from './cards/proposalCard';
import { proposalExpiredCard } from './cards/proposalExpiredCard';
import { proposalClosedCard } from './cards/proposalClosedCard';
import { matchMadeCard } from './cards/matchMadeCard';
import type { ProactiveSender } from './proactive/sender';
import { proposalView } from './proposalViews';

const PROPOSAL = 'proposal';
export const PROPOSAL_CLOSED = 'It was closed because one of you left the program.';

export function createMatchNotifier(sender: ProactiveSender): MatchNotifier {
  return {
    async proposalToMentor(notice) {
      await sender.send(notice.tenantId, notice.mentorPersonId, cardMessage(proposalCard(proposalView(notice))), {
        kind: PROPOSAL,
        subjectId: notice.proposalId,
      });
    },

    async proposalEnded(notice, outcome, at) {
      const activityId = await sender.lastSent(notice.tenantId, notice.proposalId, PROPOSAL);
      if (!activityId) return;
      const view = proposalView(notice);
      const card =
        outcome === 'expired'
          ? proposalExpiredCard(view, { expiredOn: formatDay(at, notice.mentorTimeZone) })
          : proposalClosedCard(view, { reason: PROPOSAL_CLOSED });
      await sender.update(notice.tenantId, notice.mentorPersonId, activityId, cardMessage(card), {
        kind: `${PROPOSAL}-${outcome}`,
        subjectId: notice.proposalId,
      });
    },

    async menteeProposalLapsed(notice, outcome, next) {
      const mentor = firstName(notice.mentorName);
      const what =
        outcome === 'expired'
          ? `${mentor} didn't get to your match request in time, so it has lapsed. That happens with busy calendars and says nothing about you.`
          : `${mentor} isn't able to take on a mentee right now. Thank you for your patience; it's about timing, not about you.`;
      const then = next
        ? `We've asked ${next.mentorName}, the next best match for you, and will let you know as soon as they answer.`
        : 'There is no other mentor with room who fits you right now. We will keep looking, and you can type "find a mentor" any time.';
      await sender.send(notice.tenantId, notice.menteePersonId, MessageFactory.text(`${what} ${then}`), {
        kind: `proposal-${outcome}-mentee`,
        subjectId: notice.proposalId,
      });
    },

    async matchMade(notice: ProposalNotice) {
      const sides = [
        { to: notice.menteePersonId, myRole: 'mentee', otherName: notice.mentorName, reasons: notice.reasons.forMentee },
        { to: notice.mentorPersonId, myRole: 'mentor', otherName: notice.menteeName, reasons: notice.reasons.forMentor },
      ] as const;
      for (const side of sides) {
        const card = matchMadeCard({
          otherName: side.otherName,
          myRole: side.myRole,
          programName: notice.programName,
          reasons: side.reasons.slice(0, 3),
          // The mentor makes the first move, so only they get the conversation starters.
          introPrompt: side.myRole === 'mentor',
        });
        await sender.send(notice.tenantId, side.to, cardMessage(card), { kind: 'match-made', subjectId: notice.proposalId });
      }
    },

    async relationshipEnded(tenantId, toPersonId, byName) {
      await sender.send(
        tenantId,
        toPersonId,
        MessageFactory.text(
          `${byName} has ended your mentorship in Tandem. Thank you for the time you gave each other. ` +
            'Type "my matches" to see where things stand.',
        ),
        { kind: 'relationship-ended' },
      );
    },
  };
}
