/** Nudge cards, by delivery key: one per person per occasion, whichever sweep gets there first. */
import type { NudgeNotifier } from '../src/services/nudges';
import { nudgeFirstContactCard } from './cards/nudgeFirstContactCard';
import { nudgeNoSessionCard } from './cards/nudgeNoSessionCard';
import { cardMessage } from './cards/render';
import type { ProactiveSender } from './proactive/sender';

export function createNudgeNotifier(sender: Pick<ProactiveSender, 'deliver'>): NudgeNotifier {
  return {
    async nudge(notice, deliveryKey) {
      const card = notice.kind === 'no-session' ? nudgeNoSessionCard(notice) : nudgeFirstContactCard(notice);
      await sender.deliver(notice.tenantId, notice.personId, cardMessage(card), {
        kind: `nudge-${notice.kind}`,
        subjectId: notice.relationshipId,
        deliveryKey,
      });
    },
  };
}
