import template from './templates/nudge-no-session.json';
import type { NudgeNotice } from '../../src/services/nudges';
import { firstName, formatDay, renderCard, type AdaptiveCard } from './render';

/** To both people of a pair that has gone longer than its cadence without a session. */
export function nudgeNoSessionCard(notice: NudgeNotice): AdaptiveCard {
  const partner = firstName(notice.partnerName);
  const rhythm = `Your program suggests meeting every ${notice.cadenceDays} days.`;
  return renderCard(template, {
    heading: `Time for your next session with ${partner}?`,
    programName: notice.programName,
    relationshipId: notice.relationshipId,
    situation: notice.lastSessionAt
      ? `You last met on ${formatDay(notice.lastSessionAt, notice.timeZone)}, and nothing is booked yet. ${rhythm}`
      : `You and ${partner} haven't had a session yet. ${rhythm}`,
    tip: 'A short check-in counts: half an hour on how things are going keeps the momentum.',
  });
}
