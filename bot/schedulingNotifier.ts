/**
 * The bot's side of scheduling notifications. Each person keeps their own
 * copy of a slot card in their 1:1 chat; when the other person books, or
 * fresh times replace the card, that copy is updated in place (found through
 * the proactive sender's record of what reached whom).
 */
import { MessageFactory } from 'botbuilder';
import type { SchedulingNotifier } from '../src/services/scheduling';
import { otherSide, sideOf, type SchedulingPair } from '../src/services/schedulingPair';
import type { Session } from '../src/store/repositories/sessions';
import { cardMessage, firstName, type AdaptiveCard } from './cards/render';
import { formatSessionTime } from './cards/sessionCardViews';
import { outcomeCard } from './cards/sessionOutcomeCard';
import type { ProactiveSender } from './proactive/sender';

/** A slot card and what later replaces it in place (fresh times, the booked state). */
export const SLOT_CARD = 'slot-card';
const BOOKED_CARD = 'session-booked';
const CONFIRM_CARD = 'session-confirm';
const MANUAL_CARD = 'session-manual';

const asMessage = (card: AdaptiveCard | string) =>
  typeof card === 'string' ? MessageFactory.text(card) : cardMessage(card);

export function createSchedulingNotifier(sender: ProactiveSender): SchedulingNotifier {
  /** The person's copy of a card about the first of these subjects that reached them. */
  async function copyOf(pair: SchedulingPair, personId: string, subjectIds: string[], kind: string) {
    for (const subjectId of subjectIds) {
      const activityId = await sender.lastSentTo(pair.tenantId, personId, subjectId, kind);
      if (activityId) return activityId;
    }
    return undefined;
  }

  const bothOf = (pair: SchedulingPair) => [pair.mentor.personId, pair.mentee.personId];

  return {
    async slotsOffered(pair, offer) {
      for (const personId of bothOf(pair)) {
        const card = outcomeCard({ kind: 'offer', pair, viewer: personId, offer });
        await sender.deliver(pair.tenantId, personId, asMessage(card), {
          kind: SLOT_CARD,
          subjectId: offer.id,
          deliveryKey: `slot-offer:${offer.id}:${personId}`,
        });
      }
    },

    async manualOffered(pair, note, occasion) {
      for (const personId of bothOf(pair)) {
        const card = outcomeCard({ kind: 'manual', pair, viewer: personId, note: note ?? undefined });
        await sender.deliver(pair.tenantId, personId, asMessage(card), {
          kind: MANUAL_CARD,
          subjectId: pair.relationship.id,
          deliveryKey: `session-manual:${pair.relationship.id}:${occasion}:${personId}`,
        });
      }
    },

    async offerReplaced(pair, personId, offer, earlierOfferIds, note) {
      const card = asMessage(outcomeCard({ kind: 'offer', pair, viewer: personId, offer, note }));
      const activityId = await copyOf(pair, personId, earlierOfferIds, SLOT_CARD);
      // Recorded under the new offer, so a later booking finds this copy again.
      if (activityId) await sender.update(pair.tenantId, personId, activityId, card, { kind: SLOT_CARD, subjectId: offer.id });
    },

    async sessionBooked(pair, personId, session, offerIds, by, movedFrom) {
      const note = movedFrom
        ? `${by.name} moved your session from ${formatSessionTime(movedFrom.start, movedFrom.end, sideOf(pair, personId).timeZone)}.`
        : `${by.name} booked this time for you both.`;
      const card = asMessage(outcomeCard({ kind: 'booked', pair, viewer: personId, session, note }));
      const slotCopy = await copyOf(pair, personId, offerIds, SLOT_CARD);
      if (slotCopy) {
        await sender.update(pair.tenantId, personId, slotCopy, card, { kind: SLOT_CARD, subjectId: offerIds[0] });
        await sender.deliver(pair.tenantId, personId, MessageFactory.text(bookedSentence(pair, personId, session, movedFrom !== undefined)), {
          kind: 'session-booked-note',
          subjectId: session.id,
          deliveryKey: `session-booked-note:${session.id}:${session.startsAt.toISOString()}:${personId}`,
        });
        return;
      }
      await sender.deliver(pair.tenantId, personId, card, {
        kind: BOOKED_CARD,
        subjectId: session.id,
        deliveryKey: `session-booked:${session.id}:${session.startsAt.toISOString()}:${personId}`,
      });
    },

    async timeProposed(pair, personId, session, replacesSessionId) {
      const card = outcomeCard({ kind: 'confirm', pair, viewer: personId, session, replacesSessionId: replacesSessionId ?? undefined });
      await sender.deliver(pair.tenantId, personId, asMessage(card), {
        kind: CONFIRM_CARD,
        subjectId: session.id,
        deliveryKey: `session-confirm:${session.id}:${personId}`,
      });
    },

    async sessionCancelled(pair, personId, session, by) {
      const card = asMessage(outcomeCard({ kind: 'cancelled', pair, viewer: personId, session }));
      for (const kind of [CONFIRM_CARD, BOOKED_CARD]) {
        const activityId = await sender.lastSentTo(pair.tenantId, personId, session.id, kind);
        if (activityId) await sender.update(pair.tenantId, personId, activityId, card, { kind, subjectId: session.id });
      }
      const when = formatSessionTime(session.startsAt, session.endsAt, sideOf(pair, personId).timeZone);
      const text = `${by.name} cancelled your mentoring session on ${when}. Type "schedule" to find a new time.`;
      await sender.deliver(pair.tenantId, personId, MessageFactory.text(text), {
        kind: 'session-cancelled',
        subjectId: session.id,
        deliveryKey: `session-cancelled:${session.id}:${personId}`,
      });
    },
  };
}

function bookedSentence(pair: SchedulingPair, personId: string, session: Session, moved: boolean): string {
  const other = firstName(otherSide(pair, personId).name);
  const when = formatSessionTime(session.startsAt, session.endsAt, sideOf(pair, personId).timeZone);
  return moved ? `${other} moved your mentoring session to ${when}.` : `${other} booked your mentoring session: ${when}.`;
}
