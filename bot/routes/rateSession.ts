/**
 * The rating card's buttons: "Send" saves (once for the same answers, as an
 * edit for changed ones, never after the edit window) and "Edit my answers"
 * opens the form again. Every click is answered with a card or a sentence.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { RatingResult } from '../../src/services/sessionRatings';
import type { BotDeps } from '../deps';
import { describeProblem } from '../cardData';
import { GOAL_INPUT_PREFIX, formatSessionTime, ratingFormCard } from '../cards/ratingFormCard';
import { ratingClosedCard } from '../cards/ratingClosedCard';
import { ratingThanksCard } from '../cards/ratingThanksCard';
import type { AdaptiveCard } from '../cards/render';
import { currentPerson, type TandemTurnState } from '../turnState';

const DAMAGED = 'This rating card is damaged. Nothing was saved.';
const NOT_YOURS = 'This session is not one of yours, or it is no longer in Tandem. Nothing was saved.';
const CANCELLED = 'This session was cancelled, so there is nothing to rate.';
const MAX_GOALS = 50;

const sessionId = z.string({ required_error: DAMAGED }).uuid(DAMAGED);
const text = z.union([z.string(), z.number()]).transform(String);
const progress = text
  .refine((v) => /^\d{1,3}$/.test(v.trim()) && Number(v) <= 100, "A goal's progress could not be read. Nothing was saved.")
  .transform(Number);

/** One of the card's choices; clients send them as text, a few as numbers. */
function choice<T extends string>(values: [T, ...T[]], message: string) {
  return z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(values, { errorMap: () => ({ message }) }));
}

export const ratingEditAction = z.object({ sessionId });

export const ratingSubmitAction = z
  .object({
    sessionId,
    score: choice(['1', '2', '3', '4', '5'], 'Please choose a rating from 1 to 5.'),
    tookPlace: choice(['true', 'false'], 'Please say whether the session took place.'),
    mostUseful: z.string().max(1000, 'Please keep your comment under 1,000 characters.').optional(),
    shareWithPartner: z.enum(['true', 'false']).optional(),
    shownProgress: z.string().max(10_000, DAMAGED).optional(),
  })
  .catchall(z.unknown())
  .transform((data, ctx) => {
    const goalProgress: Record<string, number> = {};
    for (const [key, value] of Object.entries(data)) {
      if (!key.startsWith(GOAL_INPUT_PREFIX) || value === '' || value === undefined) continue;
      const parsed = progress.safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? DAMAGED });
        return z.NEVER;
      }
      goalProgress[key.slice(GOAL_INPUT_PREFIX.length)] = parsed.data;
    }
    if (Object.keys(goalProgress).length > MAX_GOALS) {
      ctx.addIssue({ code: 'custom', message: DAMAGED });
      return z.NEVER;
    }
    return {
      sessionId: data.sessionId,
      answers: {
        score: Number(data.score),
        tookPlace: data.tookPlace === 'true',
        mostUseful: data.mostUseful?.trim() || null,
        shareWithPartner: data.shareWithPartner === 'true',
        goalProgress,
        shownProgress: shownProgress(data.shownProgress),
      },
    };
  });

/** What the form showed, as the card carried it; anything unreadable counts as nothing shown. */
function shownProgress(raw: string | undefined): Record<string, number> | undefined {
  if (!raw) return undefined;
  try {
    const parsed = z.record(z.number().int().min(0).max(100)).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** "Send" on the rating form. */
export function submitRating(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = ratingSubmitAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const result = await deps.sessionRatings.submit(currentPerson(state), parsed.data.sessionId, parsed.data.answers);
    return answer(result, true);
  };
}

/** "Edit my answers" on the thanks card. */
export function editRating(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = ratingEditAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    return answer(await deps.sessionRatings.edit(currentPerson(state), parsed.data.sessionId), false);
  };
}

function answer(result: RatingResult, submitted: boolean): AdaptiveCard | string {
  switch (result.kind) {
    case 'unknown':
      return NOT_YOURS;
    case 'cancelled':
      return CANCELLED;
    case 'not-ended':
      return `This session now takes place on ${formatSessionTime(result.view.startsAt, result.view.timeZone)}. We'll ask you about it after it ends.`;
    case 'closed':
      return ratingClosedCard(result.view, submitted);
    case 'form':
      return ratingFormCard(result.view);
    case 'saved':
    case 'unchanged':
      return ratingThanksCard(result.view);
  }
}
