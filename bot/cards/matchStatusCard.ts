import template from './templates/match-status.json';
import type { MatchStatusView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** Everyone's own overview: current mentorships, open proposals, and a way to find a mentor. */
export function matchStatusCard(view: MatchStatusView): AdaptiveCard {
  const relationships = view.relationships.map((r) => ({
    relationshipId: r.relationshipId,
    title: r.myRole === 'mentor' ? `You mentor ${r.otherName}` : `${r.otherName} is your mentor`,
    stage: r.stage,
    since: r.since,
  }));
  const pending = view.pending.map((p) => ({
    text:
      p.myRole === 'mentee'
        ? `Waiting for ${firstName(p.otherName)} to answer, until ${p.expiresOn}`
        : `${firstName(p.otherName)} is waiting for your answer, until ${p.expiresOn}`,
  }));
  return renderCard(template, {
    programId: view.programId,
    programName: view.programName,
    relationships,
    pending,
    hasPending: pending.length > 0,
    isEmpty: relationships.length === 0 && pending.length === 0,
    canFindMentor: view.canFindMentor,
  });
}
