/** What the scheduling cards show, as plain text, and how session times read in a person's own zone. */

// A reminder fan-out formats thousands of these at once, and building an Intl formatter costs more than the card.
const formatters = new Map<string, { day: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }>();

/** "Tuesday 3 March, 14:00–15:00" on the reader's wall clock. */
export function formatSessionTime(start: Date, end: Date, timeZone: string): string {
  let zone = formatters.get(timeZone);
  if (!zone) {
    zone = {
      day: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone }),
      clock: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
    };
    formatters.set(timeZone, zone);
  }
  return `${zone.day.format(start)}, ${zone.clock.format(start)}–${zone.clock.format(end)}`;
}

/** A shorter label for a slot button: "Tue 3 Mar, 14:00". */
export function formatSlotLabel(start: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(start);
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(start);
  return `${day}, ${clock}`;
}

export interface SlotOfferView {
  heading: string;
  subtitle: string;
  note: string;
  timeZone: string;
  slots: { label: string; data: { offerId: string; startsAt: string } }[];
  otherTimes: { relationshipId: string; replacesSessionId?: string };
}

export interface SessionBookedView {
  heading: string;
  subtitle: string;
  note: string;
  when: string;
  detail: string;
  joinUrl: string;
  sessionId: string;
  canChange: boolean;
}

export interface SessionProposeView {
  heading: string;
  subtitle: string;
  note: string;
  explanation: string;
  timeLabel: string;
  date: string;
  time: string;
  error: string;
  proposeData: { relationshipId: string; replacesSessionId?: string };
}

export interface SessionProposedView {
  subtitle: string;
  note: string;
  when: string;
  detail: string;
  sessionId: string;
}

export interface SessionConfirmView {
  heading: string;
  subtitle: string;
  when: string;
  detail: string;
  confirmData: { sessionId: string; replacesSessionId?: string };
  otherTimeData: { relationshipId: string; replacesSessionId?: string };
}

export interface SessionCancelConfirmView {
  heading: string;
  when: string;
  detail: string;
  sessionId: string;
}

export interface SessionCancelledView {
  subtitle: string;
  note: string;
  text: string;
  relationshipId: string;
  canFindTime: boolean;
}

export interface SessionListView {
  timeZone: string;
  pairs: {
    title: string;
    relationshipId: string;
    empty: boolean;
    sessions: { sessionId: string; when: string; status: string }[];
  }[];
  noPairs: boolean;
}
