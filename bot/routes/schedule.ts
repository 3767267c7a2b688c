/**
 * Scheduling in chat: the "schedule" command and every scheduling card verb.
 * Each answers the click with the card's new state for the clicker; the use
 * case takes care of the other person's copy.
 */
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { SchedulingOutcome } from '../../src/services/scheduling';
import type { Person } from '../../src/store/repositories/people';
import type { BotDeps } from '../deps';
import { describeProblem } from '../cardData';
import type { AdaptiveCard } from '../cards/render';
import { outcomeCard, scheduleListCard } from '../cards/sessionOutcomeCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { bookSlotAction, proposeTimeAction, relationshipAction, sessionAction } from './scheduleCardData';

type CardHandler = (context: TurnContext, state: TandemTurnState, data: unknown) => Promise<AdaptiveCard | string>;

/** A card verb: its data checked with the schema, then the use case, then the card for its outcome. */
function verb<S extends z.ZodTypeAny>(
  schema: S,
  run: (person: Person, data: z.output<S>) => Promise<SchedulingOutcome>,
): CardHandler {
  return async (_context, state, data) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    return outcomeCard(await run(currentPerson(state), parsed.data));
  };
}

/** `schedule`, `reschedule`, `my sessions`: upcoming sessions per pair, with Reschedule, Cancel and Find a time. */
export function scheduleCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    await sendCard(context, scheduleListCard(await deps.scheduling.overview(currentPerson(state))));
  };
}

export const bookSlot = (deps: BotDeps) =>
  verb(bookSlotAction, (person, data) => deps.scheduling.book(person, data.offerId, data.startsAt));

/** "Find a time" (schedule list, nudge, cancelled card): fresh slots, or the manual card. */
export const findTime = (deps: BotDeps) => verb(relationshipAction, (person, data) => deps.scheduling.findTime(person, data.relationshipId));

/** "Other times" and "Suggest another time": the card to propose a time by hand. */
export const manualTime = (deps: BotDeps) =>
  verb(relationshipAction, (person, data) => deps.scheduling.manualForm(person, data.relationshipId, data.replacesSessionId));

export const proposeTime = (deps: BotDeps) => verb(proposeTimeAction, (person, data) => deps.scheduling.propose(person, data));

export const confirmTime = (deps: BotDeps) =>
  verb(sessionAction, (person, data) => deps.scheduling.confirm(person, data.sessionId, data.replacesSessionId));

export const rescheduleSession = (deps: BotDeps) => verb(sessionAction, (person, data) => deps.scheduling.reschedule(person, data.sessionId));

export const requestCancelSession = (deps: BotDeps) =>
  verb(sessionAction, (person, data) => deps.scheduling.requestCancel(person, data.sessionId));

export const confirmCancelSession = (deps: BotDeps) => verb(sessionAction, (person, data) => deps.scheduling.cancel(person, data.sessionId));

export const keepSession = (deps: BotDeps) => verb(sessionAction, (person, data) => deps.scheduling.keep(person, data.sessionId));
