import template from './templates/nudge-first-contact.json';
import type { NudgeNotice } from '../../src/services/nudges';
import { bulletList } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** To a mentor who has not reached out a week after the match. */
export function nudgeFirstContactCard(notice: NudgeNotice): AdaptiveCard {
  const mentee = firstName(notice.partnerName);
  return renderCard(template, {
    heading: `Say hello to ${mentee}`,
    programName: notice.programName,
    relationshipId: notice.relationshipId,
    situation: `It's been a week since you became ${notice.partnerName}'s mentor. A first message from you makes it easy for ${mentee} to open up.`,
    starters: bulletList([
      `Ask ${mentee} what they hope to get from mentoring`,
      'Share a little about your work and why you mentor',
      'Suggest a first session to talk through their goals',
    ]),
    nextStep: 'When you are ready, find a time that suits you both.',
  });
}
