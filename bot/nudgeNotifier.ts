/** Nudge cards, by delivery key: one per person per occasion, whichever sweep gets there first. */
import { MessageFactory } from 'botbuilder';
import type { NudgeNotifier } from '../src/services/nudges';
import { nudgeFirstContactCard } from './cards/nudgeFirstContactCard';
import { nudgeNoSessionCard } from './cards/nudgeNoSessionCard';
import { cardAttachment } from './cards/render';
import type { ProactiveSender } from './proactive/sender';

export function createNudgeNotifier(sender: Pick<ProactiveSender, 'deliver'>): NudgeNotifier {
  return {
    async nudge(notice, deliveryKey) {
      const card = notice.kind === 'no-session' ? nudgeNoSessionCard(notice) : nudgeFirstContactCard(notice);
      await sender.deliver(notice.tenantId, notice.personId, MessageFactory.attachment(cardAttachment(card)), {
        kind: `nudge-${notice.kind}`,
        subjectId: notice.relationshipId,
        deliveryKey,
      });
    },
  };
}
