/**
 * Session reminders as cards in each person's 1:1 chat, through the proactive
 * sender's keyed delivery: a reminder goes out once per delivery key.
 */
import { SESSION_REMINDER_KIND, type ReminderNotifier } from '../src/services/reminders';
import { cardMessage } from './cards/render';
import { sessionReminderCard } from './cards/sessionReminderCard';
import type { ProactiveSender } from './proactive/sender';

export function createReminderNotifier(sender: Pick<ProactiveSender, 'deliver'>): ReminderNotifier {
  return {
    async remind(reminder) {
      const card = sessionReminderCard({
        sessionId: reminder.sessionId,
        withName: reminder.with.name,
        startsAt: reminder.startsAt,
        endsAt: reminder.endsAt,
        timeZone: reminder.to.timeZone,
        offsetMinutes: reminder.offsetMinutes,
        agenda: reminder.agenda,
        joinUrl: reminder.joinUrl,
      });
      const { status } = await sender.deliver(reminder.tenantId, reminder.to.personId, cardMessage(card), {
        kind: SESSION_REMINDER_KIND,
        subjectId: reminder.sessionId,
        deliveryKey: reminder.deliveryKey,
      });
      return status;
    },
  };
}
