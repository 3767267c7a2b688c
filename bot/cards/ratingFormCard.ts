import template from './templates/rating-form.json';
import type { RatingView } from '../../src/services/sessionRatings';
import { firstName, formatDay, renderCard, type AdaptiveCard } from './render';

/** The steps the card offers for a goal's progress. */
export const PROGRESS_STEPS = [0, 25, 50, 75, 100] as const;
/** Goal choices are named `goal_<goal id>` on the form. */
export const GOAL_INPUT_PREFIX = 'goal_';

/** The step nearest a goal's stored progress (60 shows as 50), so the choice shown is one the card offers. */
export function nearestStep(progress: number): number {
  return PROGRESS_STEPS.reduce((best, step) => (Math.abs(step - progress) < Math.abs(best - progress) ? step : best), 0);
}

/** "Tue, 3 March 2026 at 14:00", in the person's zone. */
export function formatSessionTime(date: Date, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  };
  try {
    return date.toLocaleString('en-GB', { ...options, timeZone: timeZone ?? 'UTC' });
  } catch {
    return date.toLocaleString('en-GB', { ...options, timeZone: 'UTC' });
  }
}

/** The line the rater reads before answering: who sees what (see src/services/sessionRatings.ts). */
export function privacyText(partnerName: string): string {
  const partner = firstName(partnerName);
  return (
    `Your program's admins see your rating and whether you met; ${partner} does not. ` +
    `Your comment is seen by the admins, and by ${partner} only if you choose to share it. ` +
    `Goal progress updates the goals you and ${partner} share.`
  );
}

/** The fields every rating card starts with. */
export function ratingHeader(view: RatingView) {
  return {
    sessionId: view.sessionId,
    programName: view.programName,
    when: formatSessionTime(view.startsAt, view.timeZone),
    editableUntil: formatDay(view.editableUntil, view.timeZone),
  };
}

/** The form: empty for a first answer, pre-filled with the saved answers when editing. */
export function ratingFormCard(view: RatingView, notice = ''): AdaptiveCard {
  const rating = view.rating;
  const goals = view.goals.map((goal) => ({
    inputId: `${GOAL_INPUT_PREFIX}${goal.id}`,
    title: goal.title,
    value: String(nearestStep(goal.progress)),
  }));
  const shown = Object.fromEntries(view.goals.map((goal) => [goal.id, nearestStep(goal.progress)]));
  return renderCard(template, {
    ...ratingHeader(view),
    heading: `How was your session with ${firstName(view.partnerName)}?`,
    notice,
    partnerFirstName: firstName(view.partnerName),
    score: rating ? String(rating.score) : '',
    tookPlace: rating ? String(rating.tookPlace) : '',
    mostUseful: rating?.mostUseful ?? '',
    shareWithPartner: rating?.shareWithPartner ? 'true' : 'false',
    goals,
    // A string, so the card's data survives any client unchanged; the route parses it.
    shownProgress: JSON.stringify(shown),
    privacy: privacyText(view.partnerName),
  });
}
