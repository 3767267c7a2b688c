import type { PairNudge, RiskReason } from '../../api/adminTypes';

export const riskWords: Record<RiskReason, string> = {
  'low-rating': 'Low session rating',
  'did-not-meet': 'Did not meet as booked',
  'no-session': 'No session for longer than the cadence',
  'no-first-contact': 'Mentor has not made first contact',
};

/** What a nudge did, a sentence per person; a time to nudge again is in the viewer's own zone. */
export function nudgeWords(nudge: PairNudge): string {
  return nudge.people
    .map((p) => {
      if (p.outcome === 'sent') return `${p.name} was sent a nudge.`;
      if (p.outcome === 'already-sent') return `${p.name} was already nudged today.`;
      if (p.outcome === 'undeliverable') return `${p.name} could not be reached in Teams today.`;
      const from = p.workingHoursFrom
        ? new Date(p.workingHoursFrom).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
        : null;
      return `${p.name} is outside their working hours and was not sent it${from ? `: nudge again from ${from} (your time)` : ''}.`;
    })
    .join(' ');
}
