import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import { describeProblem, programAction } from '../cardData';
import type { AdaptiveCard } from '../cards/render';
import { registrationSummaryCard } from '../cards/registrationSummaryCard';
import { withdrawalConfirmCard } from '../cards/withdrawalConfirmCard';
import { withdrawnCard } from '../cards/withdrawnCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { programOnCard, registrationOrAsk } from './lookups';
import { NOT_REGISTERED, PROGRAM_UNAVAILABLE } from './messages';

/** `withdraw`: never immediate; it asks first, and first which program when there are several. */
export function withdrawCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const registration = await registrationOrAsk(context, deps, currentPerson(state), {
      heading: 'Withdraw from which program?',
      prompt: 'You are registered in more than one program. Which one would you like to leave? You will be asked once more before anything changes.',
      buttonTitle: 'Withdraw from this one',
      verb: 'withdrawal.request',
    });
    if (registration) await sendCard(context, withdrawalConfirmCard(registration.program));
  };
}

/** Withdraw on the summary card: the same question, in place. */
export function requestWithdrawal(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const program = await programOnCard(deps, currentPerson(state), data);
    return typeof program === 'string' ? program : withdrawalConfirmCard(program);
  };
}

/**
 * "Yes, withdraw": idempotent; a second click shows the same final card. It
 * works on a closed program too: leaving is always allowed.
 */
export function confirmWithdrawal(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = programAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const result = await deps.registration.withdraw(person, parsed.data.programId);
    switch (result.kind) {
      case 'program-unavailable':
        return PROGRAM_UNAVAILABLE;
      case 'not-registered':
        return NOT_REGISTERED(result.program.name);
      case 'already-withdrawn':
        return withdrawnCard(result.program, result.enrollment, person.timeZone);
      case 'withdrawn':
        await deps.proposals.closeOpenFor(person, result.program.id);
        await context.sendActivity(
          `You have withdrawn from ${result.program.name}. If you change your mind, type "register" and your answers will be waiting.`,
        );
        return withdrawnCard(result.program, result.enrollment, person.timeZone);
    }
  };
}

/** "Keep my registration": back to the summary, nothing changed. */
export function cancelWithdrawal(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const person = currentPerson(state);
    const program = await programOnCard(deps, person, data);
    if (typeof program === 'string') return program;
    const enrollment = await deps.registration.findEnrollment(person, program.id);
    if (!enrollment) return NOT_REGISTERED(program.name);
    if (enrollment.status === 'withdrawn') return withdrawnCard(program, enrollment, person.timeZone);
    return registrationSummaryCard({
      program,
      enrollment,
      heading: 'Your registration',
      notice: 'You are still registered; nothing has changed.',
      timeZone: person.timeZone,
    });
  };
}
