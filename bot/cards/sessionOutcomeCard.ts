/**
 * Turns what a scheduling use case decided into the card its reader sees:
 * the same for the person who clicked (the invoke response) and for the other
 * person (a proactive send or update), each in their own time zone.
 */
import type { ScheduleOverview, SchedulingOutcome, SchedulingPair } from '../../src/services/scheduling';
import { otherSide, sideOf } from '../../src/services/schedulingPair';
import type { Session } from '../../src/store/repositories/sessions';
import { firstName, type AdaptiveCard } from './render';
import { formatSessionTime, formatSlotLabel } from './sessionCardViews';
import { sessionBookedCard } from './sessionBookedCard';
import { sessionCancelConfirmCard } from './sessionCancelConfirmCard';
import { sessionCancelledCard } from './sessionCancelledCard';
import { sessionConfirmCard } from './sessionConfirmCard';
import { sessionListCard } from './sessionListCard';
import { sessionProposeCard } from './sessionProposeCard';
import { sessionProposedCard } from './sessionProposedCard';
import { slotOfferCard } from './slotOfferCard';

const withOther = (pair: SchedulingPair, viewer: string) => {
  const other = otherSide(pair, viewer);
  return `with ${other.name}, your ${other.role} · ${pair.program.name}`;
};

const timeOf = (session: Session, timeZone: string) => formatSessionTime(session.startsAt, session.endsAt, timeZone);

const optional = <T extends object>(value: T, key: string, id: string | undefined) => (id ? { ...value, [key]: id } : value);

/** The card for an outcome, or the sentence to answer with when there is no card. */
export function outcomeCard(outcome: SchedulingOutcome): AdaptiveCard | string {
  if (outcome.kind === 'message') return outcome.text;
  const { pair, viewer } = outcome;
  const me = sideOf(pair, viewer);
  const other = otherSide(pair, viewer);
  const zone = me.timeZone;
  switch (outcome.kind) {
    case 'offer': {
      const offer = outcome.offer;
      return slotOfferCard({
        heading: offer.rescheduleSessionId
          ? `Pick a new time for your session with ${firstName(other.name)}`
          : `Pick a time to meet ${firstName(other.name)}`,
        subtitle: `${withOther(pair, viewer)} · ${pair.program.sessionMinutes} minutes`,
        note: outcome.note ?? '',
        timeZone: zone,
        slots: offer.slots.map((slot) => ({
          label: formatSlotLabel(new Date(slot.startsAt), zone),
          data: { offerId: offer.id, startsAt: slot.startsAt },
        })),
        otherTimes: optional({ relationshipId: pair.relationship.id }, 'replacesSessionId', offer.rescheduleSessionId ?? undefined),
      });
    }
    case 'booked': {
      const session = outcome.session;
      return sessionBookedCard({
        heading: session.status === 'held' ? 'Session held' : `Your session with ${firstName(other.name)} is booked`,
        subtitle: withOther(pair, viewer),
        note: outcome.note ?? '',
        when: timeOf(session, zone),
        detail: session.joinUrl
          ? `In your time zone (${zone}). The Teams meeting is in both your calendars, with the agenda.`
          : `In your time zone (${zone}). Add your agenda in the "My mentoring" tab.`,
        joinUrl: session.joinUrl ?? '',
        sessionId: session.id,
        // A session already under way is refused by the verbs themselves, with a reason.
        canChange: session.status === 'scheduled',
      });
    }
    case 'manual':
      return sessionProposeCard({
        heading: outcome.replacesSessionId
          ? `Suggest a new time to meet ${firstName(other.name)}`
          : `Suggest a time to meet ${firstName(other.name)}`,
        subtitle: `${withOther(pair, viewer)} · ${pair.program.sessionMinutes} minutes`,
        note: outcome.note ?? '',
        explanation: `Pick a date and a start time in your time zone (${zone}); ${firstName(other.name)} sees it in theirs and confirms it.`,
        timeLabel: `Start time (${zone})`,
        date: outcome.values?.date ?? '',
        time: outcome.values?.time ?? '',
        error: outcome.error ?? '',
        proposeData: optional({ relationshipId: pair.relationship.id }, 'replacesSessionId', outcome.replacesSessionId),
      });
    case 'proposed':
      return sessionProposedCard({
        subtitle: withOther(pair, viewer),
        note: outcome.note ?? '',
        when: timeOf(outcome.session, zone),
        detail: `In your time zone (${zone}). We've asked ${firstName(other.name)} to confirm; you'll hear back here.`,
        sessionId: outcome.session.id,
      });
    case 'confirm':
      return sessionConfirmCard({
        heading: `${other.name} suggests a time to meet`,
        subtitle: withOther(pair, viewer),
        when: timeOf(outcome.session, zone),
        detail: `In your time zone (${zone}) · ${pair.program.sessionMinutes} minutes.`,
        confirmData: optional({ sessionId: outcome.session.id }, 'replacesSessionId', outcome.replacesSessionId),
        otherTimeData: { relationshipId: pair.relationship.id, replacesSessionId: outcome.session.id },
      });
    case 'cancel-confirm':
      return sessionCancelConfirmCard({
        heading: `Cancel your session with ${firstName(other.name)}?`,
        when: timeOf(outcome.session, zone),
        detail: outcome.session.calendarEventId
          ? `We'll tell ${firstName(other.name)} and cancel the Teams meeting in both calendars.`
          : `We'll tell ${firstName(other.name)}.`,
        sessionId: outcome.session.id,
      });
    case 'cancelled':
      return sessionCancelledCard({
        subtitle: withOther(pair, viewer),
        note: outcome.note ?? '',
        text: `The session on ${timeOf(outcome.session, zone)} (${zone}) is cancelled.`,
        relationshipId: pair.relationship.id,
        canFindTime: pair.relationship.status === 'active',
      });
  }
}

/** The "schedule" overview. */
export function scheduleListCard(overview: ScheduleOverview): AdaptiveCard {
  return sessionListCard({
    timeZone: overview.timeZone,
    noPairs: overview.pairs.length === 0,
    pairs: overview.pairs.map(({ pair, sessions }) => {
      const other = otherSide(pair, overview.viewer);
      const zone = sideOf(pair, overview.viewer).timeZone;
      return {
        title: `With ${other.name}, your ${other.role} · ${pair.program.name}`,
        relationshipId: pair.relationship.id,
        empty: sessions.length === 0,
        sessions: sessions.map((session) => ({
          sessionId: session.id,
          when: timeOf(session, zone),
          status: statusLine(session, overview.viewer, firstName(other.name)),
        })),
      };
    }),
  });
}

function statusLine(session: Session, viewer: string, otherFirstName: string): string {
  if (session.status === 'proposed') {
    return session.proposedByPersonId === viewer
      ? `Suggested by you; waiting for ${otherFirstName} to confirm`
      : `Suggested by ${otherFirstName}; confirm it on their card`;
  }
  return session.joinUrl ? 'Booked · Teams meeting in your calendar' : 'Booked';
}
