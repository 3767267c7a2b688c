import template from './templates/session-reminder.json';
import { bulletList } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';
import { formatSessionTime } from './sessionCardViews';

export interface SessionReminderView {
  sessionId: string;
  withName: string;
  startsAt: Date;
  endsAt: Date;
  /** The reader's zone: every time on the card is on their wall clock. */
  timeZone: string;
  /** How long before the start this reminder is due. */
  offsetMinutes: number;
  agenda: { text: string; done: boolean }[];
  joinUrl: string | null;
}

/** A coming session: who with, when, the agenda, the Teams meeting, and Reschedule and Cancel. */
export function sessionReminderCard(view: SessionReminderView): AdaptiveCard {
  return renderCard(template, {
    heading: `Your session with ${firstName(view.withName)} ${startsIn(view.offsetMinutes)}`,
    when: `${formatSessionTime(view.startsAt, view.endsAt, view.timeZone)}, with ${view.withName}`,
    zoneNote: `Times are in ${view.timeZone.replace(/_/g, ' ')}.`,
    agendaList: bulletList(view.agenda.map((item) => (item.done ? `${item.text} (done)` : item.text))),
    joinUrl: view.joinUrl ?? '',
    sessionId: view.sessionId,
  });
}

/** "is tomorrow", "starts in 2 hours", "starts in 15 minutes". */
export function startsIn(offsetMinutes: number): string {
  if (offsetMinutes === 24 * 60) return 'is tomorrow';
  const unit = (n: number, word: string) => `starts in ${n} ${word}${n === 1 ? '' : 's'}`;
  if (offsetMinutes % (24 * 60) === 0) return `is in ${offsetMinutes / (24 * 60)} days`;
  if (offsetMinutes % 60 === 0) return unit(offsetMinutes / 60, 'hour');
  return unit(offsetMinutes, 'minute');
}
